package se.basutbud.careunit;

import java.util.List;
import java.util.Optional;

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
import jakarta.ws.rs.core.Context;
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

import io.vertx.ext.web.RoutingContext;

import se.basutbud.TimeSource;
import se.basutbud.security.Caller;
import se.basutbud.security.Roles;
import se.basutbud.web.EntityTags;
import se.basutbud.web.PageParams;
import se.basutbud.web.QueryParams;
import se.basutbud.web.Saved;
import se.basutbud.web.export.ExportFormat;
import se.basutbud.web.export.Exports;

@Path("/api/v1/care-units")
@Tag(name = "Care units", description = "Care units (vårdenheter) by HSA-id")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
public class CareUnitResource {

    private final CareUnitService service;
    private final Exports exports;
    private final Caller caller;
    private final TimeSource time;

    CareUnitResource(CareUnitService service, Exports exports, Caller caller, TimeSource time) {
        this.service = service;
        this.exports = exports;
        this.caller = caller;
        this.time = time;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @Operation(
            summary = "List care units",
            description = "Ordered by HSA-id; units closed today are left out unless includeClosed=true. As a"
                    + " spreadsheet, every unit that matches, not a page, with the columns the"
                    + " unit import reads: export, edit, import."
                    + ExportFormat.DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "A page of care units, or all of them as a spreadsheet",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CareUnitPage.class)),
                @Content(mediaType = ExportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = ExportFormat.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @APIResponse(responseCode = "406", description = "None of JSON, CSV and XLSX is acceptable")
    public Response listCareUnits(
            @BeanParam UnitFilterParams filter,
            @Parameter(description = "Text in the name or HSA-id") @QueryParam("q") String q,
            @Parameter(
                            description = "Include units that have closed",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("includeClosed")
                    String includeClosed,
            @BeanParam PageParams page,
            @Context HttpHeaders headers,
            @Context RoutingContext routing) {
        Optional<ExportFormat> spreadsheet = ExportFormat.requested(headers);
        UnitFilter unitFilter = filter.toFilter();
        String text = QueryParams.text("q", q);
        boolean closedToo = QueryParams.bool("includeClosed", includeClosed, false);
        if (spreadsheet.isPresent()) {
            return exports.spooled(
                    caller.subject(),
                    spreadsheet.get(),
                    "care-units",
                    writer -> service.forEach(
                            unitFilter, text, closedToo, CareUnitSheet.rows(writer, "Vårdenheter " + time.today())),
                    routing);
        }
        return Response.ok(service.list(unitFilter, text, closedToo, page.toRequest()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    /** A page of care units, as the contract has always named it (from Page<CareUnitDto>). */
    @Schema(name = "PageCareUnitDto")
    record CareUnitPage(List<CareUnitDto> items, int page, int size, long total) {}

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
