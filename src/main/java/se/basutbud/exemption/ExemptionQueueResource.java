package se.basutbud.exemption;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.basutbud.security.Roles;
import se.basutbud.web.Page;
import se.basutbud.web.PageParams;
import se.basutbud.web.QueryParams;

@Path("/api/v1/exemptions")
@Tag(name = "Exemptions", description = "Exemptions from the basutbud, with their reasons and decisions")
@Produces(MediaType.APPLICATION_JSON)
public class ExemptionQueueResource {

    private final ExemptionService service;

    ExemptionQueueResource(ExemptionService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Every unit's exemptions: the administrators' queue",
            description = "status=REQUESTED lists the requests to decide; expiringBefore the exemptions that end"
                    + " after today and before that date. By end, HSA-id and service.")
    @APIResponse(responseCode = "200", description = "A page of exemptions")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @RolesAllowed(Roles.ADMIN)
    public Page<UnitExemptionDto> listExemptionsOfAllUnits(
            @Parameter(
                            description = "Only exemptions with this status",
                            schema = @Schema(implementation = ExemptionStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(
                            description = "Only exemptions that end after today and before this date",
                            schema = @Schema(implementation = java.time.LocalDate.class))
                    @QueryParam("expiringBefore")
                    String expiringBefore,
            @BeanParam PageParams page) {
        return service.queue(
                QueryParams.enumValue("status", status, ExemptionStatus.class),
                QueryParams.date("expiringBefore", expiringBefore, null),
                page.toRequest());
    }
}
