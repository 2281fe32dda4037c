package se.basutbud.exemption;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exemption in the administrators' queue: which unit, and the exemption itself. */
@Schema(name = "UnitExemption", description = "An exemption of a unit, in the list of every unit's")
public record UnitExemptionDto(
        @Schema(examples = "SE2321000073-1234") String hsaId,
        @Schema(description = "The unit's name") String unitName,
        @Schema(examples = "SE2321000073") String careProvider,
        ExemptionDto exemption) {

    static UnitExemptionDto of(Exemption exemption) {
        return new UnitExemptionDto(
                exemption.unit.hsaId, exemption.unit.name, exemption.unit.careProvider, ExemptionDto.of(exemption));
    }
}
