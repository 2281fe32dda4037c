package se.basutbud.compliance;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import se.basutbud.TimeSource;
import se.basutbud.security.Roles;

/** Its own root resource: JAX-RS matches the longest class path first, so /care-units/{hsaId}/... needs one. */
@Tag(name = "Compliance")
@Path("/api/v1/care-units/{hsaId}/compliance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
public class UnitComplianceResource {

    private final ComplianceService service;
    private final TimeSource time;

    UnitComplianceResource(ComplianceService service, TimeSource time) {
        this.service = service;
        this.time = time;
    }

    @GET
    @Operation(
            summary = "One unit's compliance",
            description =
                    "What the unit must offer on the date under the revision, what it offers, misses and is exempted from, and its score.")
    @APIResponse(
            responseCode = "200",
            description = "The unit's compliance",
            content = @Content(schema = @Schema(implementation = ComplianceDtos.UnitCompliance.class)))
    @APIResponse(responseCode = "400", description = "Not an HSA-id, a date or a revision id")
    @APIResponse(
            responseCode = "404",
            description = "No such unit (or not open on the date), no such revision, or none in force")
    public Uni<Response> getUnitCompliance(@PathParam("hsaId") String hsaId, @BeanParam RevisionParams revision) {
        LocalDate asOf = revision.asOf(time);
        Long baselineId = revision.baselineId();
        // An answer this replica holds is given on the I/O thread; anything else reads the database on a worker.
        byte[] cached = baselineId == null ? service.cachedUnitJson(hsaId, asOf) : null;
        if (cached != null) {
            return Uni.createFrom().item(json(cached));
        }
        return Uni.createFrom()
                .item(() -> json(service.unitJson(hsaId, asOf, baselineId)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
