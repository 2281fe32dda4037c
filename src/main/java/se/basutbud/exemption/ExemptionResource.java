package se.basutbud.exemption;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.basutbud.security.Roles;
import se.basutbud.web.problem.ApiException;

@Path("/api/v1/care-units/{hsaId}/exemptions")
@Tag(name = "Exemptions", description = "Base e-services that do not apply to a unit, with reasons")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
public class ExemptionResource {

    private final ExemptionService service;

    ExemptionResource(ExemptionService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "A unit's exemptions",
            description = "Every period, ordered by serviceCode and since; ended ones included.")
    @APIResponse(responseCode = "200", description = "The exemptions")
    @APIResponse(responseCode = "400", description = "Not an HSA-id")
    @APIResponse(responseCode = "404", description = "No care unit with that HSA-id")
    public List<ExemptionDto> listExemptions(@PathParam("hsaId") String hsaId) {
        return service.list(hsaId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{serviceCode}")
    @Operation(
            summary = "Exempt a unit from a base e-service",
            description = "Starts a period of exemption (201) from since (default today), or changes (200) the"
                    + " period in force or ahead: its reason, its end, and its start if since is given. An"
                    + " administrator's write is APPROVED at once; a unit editor's is REQUESTED (a change asks again)"
                    + " and counts only once an administrator approves it. Only an administrator may date a start or"
                    + " end more than the configured number of days back (basutbud.back-dating-days, 30 by default).")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ExemptionDto.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ExemptionDto.class)))
    @APIResponse(responseCode = "400", description = "Not an HSA-id, or the body is invalid (a reason is required)")
    @APIResponse(
            responseCode = "403",
            description = "Not an editor of the unit's care provider, or a date too far back for a unit editor")
    @APIResponse(responseCode = "404", description = "No such care unit or e-service")
    @APIResponse(responseCode = "409", description = "The unit has closed, or the period would overlap an earlier one")
    @APIResponse(responseCode = "422", description = "The e-service is retired, or the end is not after the start")
    @RolesAllowed({Roles.UNIT_EDITOR, Roles.ADMIN})
    public Response putExemption(
            @PathParam("hsaId") String hsaId,
            @PathParam("serviceCode") String serviceCode,
            @Valid @NotNull ExemptionRequest request) {
        return service.put(hsaId, serviceCode, request)
                .response("/api/v1/care-units/" + hsaId.toUpperCase(Locale.ROOT) + "/exemptions/" + serviceCode);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{serviceCode}/approve")
    @Operation(
            summary = "Approve a requested exemption",
            description = "The request in force or ahead (else the latest) is APPROVED and counts from its start.")
    @APIResponse(
            responseCode = "200",
            description = "The exemption as decided",
            content = @Content(schema = @Schema(implementation = ExemptionDto.class)))
    @APIResponse(responseCode = "400", description = "Not an HSA-id, or the body is invalid")
    @APIResponse(responseCode = "404", description = "No such care unit or e-service")
    @APIResponse(responseCode = "409", description = "No requested exemption to decide, or the unit has closed")
    @RolesAllowed(Roles.ADMIN)
    public ExemptionDto approveExemption(
            @PathParam("hsaId") String hsaId,
            @PathParam("serviceCode") String serviceCode,
            @Valid ExemptionDecision decision) {
        return service.decide(hsaId, serviceCode, true, decision == null ? null : decision.note());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{serviceCode}/reject")
    @Operation(
            summary = "Reject a requested exemption",
            description = "The request is REJECTED, kept as history and never counted; a note saying why is required.")
    @APIResponse(
            responseCode = "200",
            description = "The exemption as decided",
            content = @Content(schema = @Schema(implementation = ExemptionDto.class)))
    @APIResponse(responseCode = "400", description = "Not an HSA-id, or no note")
    @APIResponse(responseCode = "404", description = "No such care unit or e-service")
    @APIResponse(responseCode = "409", description = "No requested exemption to decide, or the unit has closed")
    @RolesAllowed(Roles.ADMIN)
    public ExemptionDto rejectExemption(
            @PathParam("hsaId") String hsaId,
            @PathParam("serviceCode") String serviceCode,
            @Valid @NotNull ExemptionDecision decision) {
        if (decision.note() == null || decision.note().isBlank()) {
            throw ApiException.badRequest("note", "is required: say why the exemption is rejected");
        }
        return service.decide(hsaId, serviceCode, false, decision.note());
    }

    @DELETE
    @Path("/{serviceCode}")
    @Operation(
            summary = "End an exemption",
            description = "The base e-service is required of the unit again from today: the exemption ends"
                    + " today and past reports keep it; one that has not started yet is removed.")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "400", description = "Not an HSA-id")
    @APIResponse(
            responseCode = "404",
            description = "No such care unit or e-service, or no exemption from it in force or ahead")
    @APIResponse(responseCode = "409", description = "The unit has closed")
    @RolesAllowed({Roles.UNIT_EDITOR, Roles.ADMIN})
    public void deleteExemption(@PathParam("hsaId") String hsaId, @PathParam("serviceCode") String serviceCode) {
        service.end(hsaId, serviceCode);
    }
}
