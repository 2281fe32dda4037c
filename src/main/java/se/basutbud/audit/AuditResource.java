package se.basutbud.audit;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.basutbud.BasutbudConfig;
import se.basutbud.security.Roles;
import se.basutbud.web.Page;
import se.basutbud.web.PageParams;
import se.basutbud.web.QueryParams;

@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Who changed what, when, from what to what")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    private final AuditLog trail;
    private final ZoneId zone;

    AuditResource(AuditLog trail, BasutbudConfig config) {
        this.trail = trail;
        this.zone = config.zone();
    }

    @GET
    @Operation(
            summary = "The audit trail",
            description = "Newest first. from and to are dates in Europe/Stockholm, both inclusive.")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Page<AuditEntryDto> listAuditEntries(
            @Parameter(
                            description = "Only this kind of entity",
                            schema = @Schema(implementation = AuditLog.EntityType.class))
                    @QueryParam("entityType")
                    String entityType,
            @Parameter(description = "Only this entity key (HSA-ids upper-case)") @QueryParam("key") String key,
            @Parameter(description = "Only writes by this token subject") @QueryParam("actor") String actor,
            @Parameter(description = "From this day", schema = @Schema(implementation = LocalDate.class))
                    @QueryParam("from")
                    String from,
            @Parameter(description = "To this day", schema = @Schema(implementation = LocalDate.class))
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "Only the changes made by this import job",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,18}$"))
                    @QueryParam("importId")
                    String importId,
            @BeanParam PageParams page) {
        LocalDate fromDate = QueryParams.date("from", from, null);
        LocalDate toDate = QueryParams.date("to", to, null);
        return trail.search(
                new AuditLog.Filter(
                        QueryParams.enumValue("entityType", entityType, AuditLog.EntityType.class),
                        QueryParams.text("key", key),
                        QueryParams.text("actor", actor),
                        fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
                        toDate == null
                                ? null
                                : toDate.plusDays(1).atStartOfDay(zone).toInstant(),
                        QueryParams.optionalId("importId", importId)),
                page.toRequest());
    }
}
