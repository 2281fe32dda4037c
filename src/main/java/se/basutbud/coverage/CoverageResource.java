package se.basutbud.coverage;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
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

import se.basutbud.TimeSource;
import se.basutbud.careunit.UnitFilterParams;
import se.basutbud.compliance.GroupBy;
import se.basutbud.security.Roles;
import se.basutbud.web.QueryParams;
import se.basutbud.web.export.Column;
import se.basutbud.web.export.ExportFormat;
import se.basutbud.web.export.Exports;
import se.basutbud.web.export.TableWriter;
import se.basutbud.web.problem.ApiException;

@Path("/api/v1/coverage")
@Tag(name = "Coverage", description = "One e-service's coverage per group, by units and by listed residents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
public class CoverageResource {

    private final CoverageService service;
    private final TimeSource time;

    CoverageResource(CoverageService service, TimeSource time) {
        this.service = service;
        this.time = time;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE, ExportFormat.XLSX_MEDIA_TYPE})
    @Operation(
            summary = "Coverage of an e-service per group",
            description = "For the units open on asOf (default today) in each group: how many offer the e-service"
                    + " (those exempted from it left out), and how many of the residents listed at them those units"
                    + " serve; units without a figure are counted as unknown, never as zero. Any e-service, required"
                    + " by the basutbud or not. The summary is the same over every group, with the groups of lowest"
                    + " and highest resident coverage and the gap between them." + ExportFormat.DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The coverage",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = CoverageDtos.Report.class)),
                @Content(mediaType = ExportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = ExportFormat.XLSX_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "400", description = "A query parameter is invalid, or serviceCode or by is missing")
    @APIResponse(responseCode = "404", description = "No such e-service")
    @APIResponse(responseCode = "406", description = "None of JSON, CSV and XLSX is acceptable")
    public Response getCoverage(
            @Parameter(description = "The e-service", required = true, example = "fornya-recept")
                    @QueryParam("serviceCode")
                    String serviceCode,
            @Parameter(description = "The grouping", required = true, schema = @Schema(implementation = GroupBy.class))
                    @QueryParam("by")
                    String by,
            @Parameter(description = "The day; defaults to today", schema = @Schema(implementation = LocalDate.class))
                    @QueryParam("asOf")
                    String asOf,
            @BeanParam UnitFilterParams filter,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> spreadsheet = ExportFormat.requested(headers);
        String code = QueryParams.text("serviceCode", serviceCode);
        if (code == null) {
            throw ApiException.badRequest("serviceCode", "is required");
        }
        GroupBy groupBy = QueryParams.enumValue("by", by, GroupBy.class);
        if (groupBy == null) {
            throw ApiException.badRequest(
                    "by", "is required: one of careProvider, unitType, administration, municipality");
        }
        CoverageDtos.Report report =
                service.coverage(code, groupBy, filter.toFilter(), QueryParams.date("asOf", asOf, time.today()));
        return Exports.answer(
                report, spreadsheet, "coverage-" + code + "-" + report.asOf(), writer -> sheet(writer, report));
    }

    private static final List<Column> COLUMNS = List.of(
            Column.text("key"),
            Column.integer("units"),
            Column.integer("offeringUnits"),
            Column.integer("exemptedUnits"),
            Column.share("unitCoverage"),
            Column.integer("residents"),
            Column.integer("residentsCovered"),
            Column.share("residentCoverage"),
            Column.integer("unknownResidentUnits"));

    private static void sheet(TableWriter writer, CoverageDtos.Report report) throws IOException {
        writer.sheet(
                "Täckning",
                "Täckning av " + report.serviceCode() + " per " + report.by() + ", per " + report.asOf(),
                COLUMNS,
                true);
        for (CoverageDtos.Item item : report.items()) {
            writer.row(Arrays.asList(
                    item.key(),
                    item.units(),
                    item.offeringUnits(),
                    item.exemptedUnits(),
                    item.unitCoverage(),
                    item.residents(),
                    item.residentsCovered(),
                    item.residentCoverage(),
                    item.unknownResidentUnits()));
        }
    }
}
