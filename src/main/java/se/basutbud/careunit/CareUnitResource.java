package se.basutbud.careunit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
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

import se.basutbud.security.Roles;
import se.basutbud.web.EntityTags;
import se.basutbud.web.Page;
import se.basutbud.web.PageParams;
import se.basutbud.web.QueryParams;
import se.basutbud.web.Saved;

@Path("/api/v1/care-units")
@Tag(name = "Care units", description = "Care units (vårdenheter) by HSA-id")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
public class CareUnitResource {

    private final CareUnitService service;

    CareUnitResource(CareUnitService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List care units",
            description = "Ordered by HSA-id; units closed today are left out unless includeClosed=true.")
    @APIResponse(responseCode = "200", description = "A page of care units")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Page<CareUnitDto> listCareUnits(
            @BeanParam UnitFilterParams filter,
            @Parameter(description = "Text in the name or HSA-id") @QueryParam("q") String q,
            @Parameter(
                            description = "Include units that have closed",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("includeClosed")
                    String includeClosed,
            @BeanParam PageParams page) {
        return service.list(
                filter.toFilter(),
                QueryParams.text("q", q),
                QueryParams.bool("includeClosed", includeClosed, false),
                page.toRequest());
    }

    @GET
    @Path("/{hsaId}")
    @Operation(
            summary = "Get one care unit",
            description = "Closed units too. The ETag goes in If-Match of a replacement.")
    @APIResponse(
            responseCode = "200",
            description = "The care unit; its ETag goes in If-Match of a replacement",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = CareUnitDto.class)))
    @APIResponse(responseCode = "400", description = "Not an HSA-id")
    @APIResponse(responseCode = "404", description = "No care unit with that HSA-id")
    public Response getCareUnit(
            @Parameter(description = "HSA-id, any case", example = "SE2321000073-1234") @PathParam("hsaId")
                    String hsaId) {
        return EntityTags.ok(service.get(hsaId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{hsaId}")
    @Operation(
            summary = "Create or replace a care unit",
            description = "careProvider defaults to SE and the organisation number of the HSA-id.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = CareUnitDto.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = CareUnitDto.class)))
    @APIResponse(responseCode = "400", description = "Not an HSA-id, or the body is invalid")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @RolesAllowed({Roles.UNIT_EDITOR, Roles.ADMIN})
    public Response putCareUnit(
            @Parameter(description = "HSA-id, any case", example = "SE2321000073-1234") @PathParam("hsaId")
                    String hsaId,
            @Parameter(description = "The ETag read; the write is refused (412) if the resource changed since")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull CareUnitRequest request) {
        Saved<CareUnitDto> saved = service.put(hsaId, request, ifMatch);
        return saved.response("/api/v1/care-units/" + saved.resource().hsaId());
    }
}
