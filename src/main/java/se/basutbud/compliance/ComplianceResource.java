package se.basutbud.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

import se.basutbud.TimeSource;
import se.basutbud.baseline.BaselineDto;
import se.basutbud.careunit.UnitFilter;
import se.basutbud.careunit.UnitFilterParams;
import se.basutbud.security.Caller;
import se.basutbud.security.Roles;
import se.basutbud.web.QueryParams;
import se.basutbud.web.export.ExportFormat;
import se.basutbud.web.export.Exports;

@Tag(name = "Compliance", description = "How well units offer what the basutbud requires")
@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
public class ComplianceResource {

    private final ComplianceService service;
    private final TimeSource time;
    private final ObjectMapper objectMapper;
    private final Exports exports;
    private final Caller caller;

    ComplianceResource(
            ComplianceService service, TimeSource time, ObjectMapper objectMapper, Exports exports, Caller caller) {
        this.service = service;
        this.time = time;
        this.objectMapper = objectMapper;
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @Operation(
            summary = "Compliance of every unit",
            description = "Units open on the date, by HSA-id, with a summary. As a spreadsheet, CSV holds the units"
                    + " with a header row; the workbook the units and a summary sheet, the score as a percentage and the"
                    + " status coloured, its revision and date in each sheet's title." + ExportFormat.DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ComplianceDtos.Report.class)),
                @Content(
                        mediaType = ExportFormat.CSV_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING),
                        example =
                                "\"hsaId\",\"name\",\"unitType\",\"careProvider\",\"administration\",\"municipality\",\"required\",\"offered\",\"missing\",\"exempted\",\"score\",\"status\""),
                @Content(
                        mediaType = ExportFormat.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @APIResponse(responseCode = "404", description = "No such revision, or none in force on the date")
    @APIResponse(responseCode = "406", description = "None of JSON, CSV and XLSX is acceptable")
    public Response getComplianceReport(
            @BeanParam UnitFilterParams filter,
            @BeanParam RevisionParams revision,
            @jakarta.ws.rs.core.Context HttpHeaders headers,
            @jakarta.ws.rs.core.Context RoutingContext routing) {
        LocalDate asOf = asOf(revision);
        UnitFilter unitFilter = filter.toFilter();
        Optional<ExportFormat> spreadsheet = ExportFormat.requested(headers);
        // Resolved before the answer starts, so that an unknown revision is still a 404 problem.
        BaselineDto baseline = service.revisionFor(revision.baselineId(), asOf);
        String caller = this.caller.subject();
        if (spreadsheet.isPresent()) {
            ComplianceDtos.BaselineRef ref = ComplianceDtos.BaselineRef.of(baseline);
            return exports.spooled(
                    caller,
                    spreadsheet.get(),
                    "compliance-" + asOf,
                    writer -> {
                        ComplianceDtos.Summary summary = service.streamReport(
                                unitFilter, asOf, baseline, ComplianceSheets.units(writer, ref, asOf));
                        ComplianceSheets.summary(writer, ref, asOf, summary);
                    },
                    routing);
        }
        java.nio.file.Path json = exports.spool()
                .spool(
                        caller,
                        out -> {
                            try (JsonGenerator generator =
                                    objectMapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                                generator.writeStartObject();
                                generator.writeObjectField("asOf", asOf);
                                generator.writeObjectField("baseline", ComplianceDtos.BaselineRef.of(baseline));
                                generator.writeArrayFieldStart("units");
                                ComplianceDtos.Summary summary =
                                        service.streamReport(unitFilter, asOf, baseline, row -> {
                                            try {
                                                generator.writeObject(row);
                                            } catch (IOException e) {
                                                throw new UncheckedIOException(e);
                                            }
                                        });
                                generator.writeEndArray();
                                generator.writeObjectField("summary", summary);
                                generator.writeEndObject();
                            }
                        },
                        routing);
        // JSON or CSV by the Accept header: caches must keep the two apart.
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    @GET
    @Path("/services")
    @Operation(
            summary = "Coverage of each required e-service",
            description = "One item per requirement of the revision." + ExportFormat.DESCRIPTION)
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @APIResponse(
            responseCode = "200",
            description = "The coverage per service",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ComplianceDtos.ServiceReport.class)),
                @Content(mediaType = ExportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = ExportFormat.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @APIResponse(responseCode = "404", description = "No such revision, or none in force on the date")
    @APIResponse(responseCode = "406", description = "None of JSON, CSV and XLSX is acceptable")
    public Response getServiceCoverage(
            @BeanParam UnitFilterParams filter,
            @BeanParam RevisionParams revision,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        Optional<ExportFormat> spreadsheet = ExportFormat.requested(headers);
        ComplianceDtos.ServiceReport report =
                service.services(filter.toFilter(), asOf(revision), revision.baselineId());
        return Exports.answer(
                report,
                spreadsheet,
                "service-coverage-" + report.asOf(),
                writer -> ComplianceSheets.services(writer, report));
    }

    @GET
    @Path("/groups")
    @Operation(
            summary = "Compliance per group",
            description =
                    "Per care provider, unit type, administration or municipality, by key." + ExportFormat.DESCRIPTION)
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @APIResponse(
            responseCode = "200",
            description = "The groups",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ComplianceDtos.GroupReport.class)),
                @Content(mediaType = ExportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = ExportFormat.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "400", description = "A query parameter is invalid or by is missing")
    @APIResponse(responseCode = "404", description = "No such revision, or none in force on the date")
    @APIResponse(responseCode = "406", description = "None of JSON, CSV and XLSX is acceptable")
    public Response getComplianceGroups(
            @Parameter(description = "The grouping", required = true, schema = @Schema(implementation = GroupBy.class))
                    @QueryParam("by")
                    String by,
            @BeanParam UnitFilterParams filter,
            @BeanParam RevisionParams revision,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        Optional<ExportFormat> spreadsheet = ExportFormat.requested(headers);
        GroupBy groupBy = QueryParams.enumValue("by", by, GroupBy.class);
        if (groupBy == null) {
            throw se.basutbud.web.problem.ApiException.badRequest(
                    "by", "is required: one of careProvider, unitType, administration, municipality");
        }
        ComplianceDtos.GroupReport report =
                service.groups(groupBy, filter.toFilter(), asOf(revision), revision.baselineId());
        return Exports.answer(
                report,
                spreadsheet,
                "compliance-by-" + groupBy + "-" + report.asOf(),
                writer -> ComplianceSheets.groups(writer, report));
    }

    @GET
    @Path("/trend")
    @Operation(
            summary = "Compliance over time",
            description = "One point per interval from from to to inclusive, "
                    + "each computed as of its date with the revision in force then (or the one given)."
                    + ExportFormat.DESCRIPTION)
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @APIResponse(
            responseCode = "200",
            description = "The points",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ComplianceDtos.Trend.class)),
                @Content(mediaType = ExportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = ExportFormat.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "400",
            description = "A query parameter is invalid, from is after to, or too many points")
    @APIResponse(responseCode = "404", description = "No such revision")
    @APIResponse(responseCode = "406", description = "None of JSON, CSV and XLSX is acceptable")
    public Response getComplianceTrend(
            @Parameter(
                            description = "First point; defaults to a year before to",
                            schema = @Schema(implementation = LocalDate.class))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Last possible point; defaults to today",
                            schema = @Schema(implementation = LocalDate.class))
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "Distance between points",
                            schema = @Schema(implementation = TrendInterval.class, defaultValue = "month"))
                    @QueryParam("interval")
                    String interval,
            @Parameter(
                            description = "A revision id to use for every point instead of the one in force",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    @QueryParam("baseline")
                    String baseline,
            @BeanParam UnitFilterParams filter,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        Optional<ExportFormat> spreadsheet = ExportFormat.requested(headers);
        LocalDate toDate = QueryParams.date("to", to, time.today());
        LocalDate fromDate = QueryParams.date("from", from, toDate.minusYears(1));
        TrendInterval step = QueryParams.enumValue("interval", interval, TrendInterval.class);
        Long baselineId = QueryParams.optionalId("baseline", baseline);
        ComplianceDtos.Trend trend = service.trend(
                filter.toFilter(), fromDate, toDate, step == null ? TrendInterval.month : step, baselineId);
        return Exports.answer(
                trend,
                spreadsheet,
                "compliance-trend-" + fromDate + "-" + toDate,
                writer -> ComplianceSheets.trend(writer, trend));
    }

    private LocalDate asOf(RevisionParams revision) {
        return revision.asOf(time);
    }
}
