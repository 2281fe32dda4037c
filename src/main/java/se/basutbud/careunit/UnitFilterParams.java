package se.basutbud.careunit;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import se.basutbud.web.QueryParams;

/** The unit filters shared by the unit list and every compliance report. */
public class UnitFilterParams {

    @QueryParam("unitType")
    @Parameter(description = "Only units of this type", schema = @Schema(implementation = UnitType.class))
    String unitType;

    @QueryParam("careProvider")
    @Parameter(description = "Only units of this care provider", example = "SE2321000073")
    String careProvider;

    @QueryParam("administration")
    @Parameter(description = "Only units of this administration (förvaltning)")
    String administration;

    @QueryParam("municipality")
    @Parameter(description = "Only units in this municipality", example = "Kalmar")
    String municipality;

    public UnitFilter toFilter() {
        return UnitFilter.of(
                QueryParams.enumValue("unitType", unitType, UnitType.class),
                QueryParams.text("careProvider", careProvider),
                QueryParams.text("administration", administration),
                QueryParams.text("municipality", municipality));
    }
}
