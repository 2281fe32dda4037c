package se.basutbud.residents;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/care-units/{hsaId}/listed-residents")
@Tag(name = "Listed residents", description = "The residents listed at each unit, with history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
public class ListedResidentsResource {

    private final ListedResidentsService service;

    ListedResidentsResource(ListedResidentsService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "A unit's listed residents",
            description = "Every figure, oldest first; a date's figure is the latest one from on or before it. A unit"
                    + " with none counts as unknown in resident coverage, never as zero.")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "400", description = "Not an HSA-id")
    @APIResponse(responseCode = "404", description = "No care unit with that HSA-id")
    public List<ListedResidentsDto> listListedResidents(@PathParam("hsaId") String hsaId) {
        return service.history(hsaId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a unit's listed residents",
            description = "A figure from a date (default today): added (201), or replacing the one from the same date"
                    + " (200); earlier figures stay. Only an administrator may date it more than the back-dating"
                    + " window back.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ListedResidentsDto.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ListedResidentsDto.class)))
    @APIResponse(responseCode = "400", description = "Not an HSA-id, or the body is invalid")
    @APIResponse(
            responseCode = "403",
            description = "Not an editor of the unit's care provider, or a date too far back for a unit editor")
    @APIResponse(responseCode = "404", description = "No care unit with that HSA-id")
    @APIResponse(responseCode = "409", description = "The unit has closed")
    @RolesAllowed({Roles.UNIT_EDITOR, Roles.ADMIN})
    public Response putListedResidents(
            @PathParam("hsaId") String hsaId, @Valid @NotNull ListedResidentsRequest request) {
        return service.put(hsaId, request)
                .response("/api/v1/care-units/" + hsaId.toUpperCase(Locale.ROOT) + "/listed-residents");
    }
}
