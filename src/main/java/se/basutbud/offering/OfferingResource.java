package se.basutbud.offering;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.basutbud.TimeSource;
import se.basutbud.security.Roles;
import se.basutbud.web.QueryParams;

@Path("/api/v1/care-units/{hsaId}/offerings")
@Tag(name = "Offerings", description = "The e-services each unit offers, with history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
public class OfferingResource {

    private final OfferingService service;
    private final TimeSource time;

    OfferingResource(OfferingService service, TimeSource time) {
        this.service = service;
        this.time = time;
    }

    @GET
    @Operation(
            summary = "What a unit offers on a date, or every period it offered anything",
            description = "Ordered by serviceCode; with history=true every period, ended and future ones too, by"
                    + " serviceCode and since.")
    @APIResponse(responseCode = "200", description = "The offerings in effect on the date, or every period")
    @APIResponse(responseCode = "400", description = "Not an HSA-id, not a date, or not a boolean")
    @APIResponse(responseCode = "404", description = "No care unit with that HSA-id")
    public List<OfferingDto> listOfferings(
            @PathParam("hsaId") String hsaId,
            @Parameter(
                            description = "Defaults to today in Europe/Stockholm; ignored with history",
                            schema = @Schema(implementation = java.time.LocalDate.class))
                    @QueryParam("asOf")
                    String asOf,
            @Parameter(
                            description = "Every period instead of those in force on asOf",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("history")
                    String history) {
        if (QueryParams.bool("history", history, false)) {
            return service.allPeriods(hsaId);
        }
        return service.offeredOn(hsaId, QueryParams.date("asOf", asOf, time.today()));
    }

    @GET
    @Path("/{serviceCode}")
    @Operation(summary = "Every period in which a unit offered an e-service", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "The periods, possibly none")
    @APIResponse(responseCode = "400", description = "Not an HSA-id")
    @APIResponse(responseCode = "404", description = "No such care unit or e-service")
    public List<OfferingDto> getOfferingHistory(
            @PathParam("hsaId") String hsaId, @PathParam("serviceCode") String serviceCode) {
        return service.history(hsaId, serviceCode);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{serviceCode}")
    @Operation(
            summary = "Offer an e-service",
            description = "Starts a period (201) unless the service is already offered, "
                    + "in which case the link is updated and a scheduled withdrawal is cancelled (200). Periods never overlap. Only an administrator may date a start more than the configured number of"
                    + " days back (basutbud.back-dating-days, 30 by default).")
    @APIResponse(
            responseCode = "200",
            description = "Already offered; link updated",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = OfferingDto.class)))
    @APIResponse(
            responseCode = "201",
            description = "A new period started",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = OfferingDto.class)))
    @APIResponse(responseCode = "400", description = "Not an HSA-id, or the body is invalid")
    @APIResponse(
            responseCode = "403",
            description = "Not an editor of the unit's care provider, or a date too far back for a unit editor")
    @APIResponse(responseCode = "404", description = "No such care unit or e-service")
    @APIResponse(responseCode = "409", description = "The unit has closed, or the period would overlap an earlier one")
    @APIResponse(responseCode = "422", description = "The e-service is retired")
    @RolesAllowed({Roles.UNIT_EDITOR, Roles.ADMIN})
    public Response offerEService(
            @PathParam("hsaId") String hsaId,
            @PathParam("serviceCode") String serviceCode,
            @Valid @NotNull OfferingRequest request) {
        return service.offer(hsaId, serviceCode, request)
                .response("/api/v1/care-units/" + hsaId.toUpperCase(Locale.ROOT) + "/offerings/" + serviceCode);
    }

    @DELETE
    @Path("/{serviceCode}")
    @Operation(
            summary = "Withdraw an e-service",
            description = "Ends the ongoing period; on is its first day without the service. Only an administrator"
                    + " may date it more than the configured number of days back (basutbud.back-dating-days, 30 by"
                    + " default).")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "400", description = "Not an HSA-id, or not a date")
    @APIResponse(
            responseCode = "403",
            description = "Not an editor of the unit's care provider, or a date too far back for a unit editor")
    @APIResponse(responseCode = "404", description = "No such care unit or e-service, or nothing ongoing to withdraw")
    @APIResponse(responseCode = "409", description = "The unit has closed")
    @APIResponse(responseCode = "422", description = "The date is before the period started")
    @RolesAllowed({Roles.UNIT_EDITOR, Roles.ADMIN})
    public void withdrawEService(
            @PathParam("hsaId") String hsaId,
            @PathParam("serviceCode") String serviceCode,
            @Parameter(
                            description = "Defaults to today in Europe/Stockholm",
                            schema = @Schema(implementation = java.time.LocalDate.class))
                    @QueryParam("on")
                    String on) {
        service.withdraw(hsaId, serviceCode, QueryParams.date("on", on, null));
    }
}
