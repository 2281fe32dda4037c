package se.basutbud.offering;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.ext.web.RoutingContext;

import se.basutbud.TimeSource;
import se.basutbud.careunit.UnitFilterParams;
import se.basutbud.security.Caller;
import se.basutbud.security.Roles;
import se.basutbud.web.PageParams;
import se.basutbud.web.QueryParams;
import se.basutbud.web.export.ExportFormat;
import se.basutbud.web.export.Exports;

@Path("/api/v1/offerings")
@Tag(name = "Offerings", description = "Which e-services each unit offers, with history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
public class OfferingListResource {

    private final OfferingList offerings;
    private final Exports exports;
    private final Caller caller;
    private final TimeSource time;

    OfferingListResource(OfferingList offerings, Exports exports, Caller caller, TimeSource time) {
        this.offerings = offerings;
        this.exports = exports;
        this.caller = caller;
        this.time = time;
    }

    /** A page of every unit's offerings, as the contract names it. */
    @Schema(name = "PageUnitOffering")
    record UnitOfferingPage(List<UnitOfferingDto> items, int page, int size, long total) {}

    @GET
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @Operation(
            summary = "Every unit's offerings",
            description = "Those in force on asOf (default today) of the units open then, or with history=true every"
                    + " period; by HSA-id, service code and start. As a spreadsheet every row, not"
                    + " a page, its first columns those the offering import reads."
                    + ExportFormat.DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "A page of offerings, or all of them as a spreadsheet",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = UnitOfferingPage.class)),
                @Content(mediaType = ExportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = ExportFormat.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @APIResponse(responseCode = "406", description = "None of JSON, CSV and XLSX is acceptable")
    public Response listOfferingsOfAllUnits(
            @BeanParam UnitFilterParams filter,
            @Parameter(description = "Only this e-service") @QueryParam("serviceCode") String serviceCode,
            @Parameter(description = "The day; defaults to today", schema = @Schema(implementation = LocalDate.class))
                    @QueryParam("asOf")
                    String asOf,
            @Parameter(
                            description = "Every period, ended and future ones too, instead of those in force on asOf",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("history")
                    String history,
            @BeanParam PageParams page,
            @Context HttpHeaders headers,
            @Context RoutingContext routing) {
        Optional<ExportFormat> spreadsheet = ExportFormat.requested(headers);
        LocalDate day = QueryParams.date("asOf", asOf, time.today());
        boolean all = QueryParams.bool("history", history, false);
        OfferingList.Query query =
                new OfferingList.Query(filter.toFilter(), QueryParams.text("serviceCode", serviceCode), day, all);
        if (spreadsheet.isPresent()) {
            String title = all ? "E-tjänster per enhet, alla perioder" : "E-tjänster per enhet per " + day;
            return exports.spooled(
                    caller.subject(),
                    spreadsheet.get(),
                    all ? "offerings-history" : "offerings-" + day,
                    writer -> offerings.forEach(query, OfferingList.sheet(writer, title)),
                    routing);
        }
        return Response.ok(offerings.page(query, page.toRequest()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }
}
