package se.basutbud.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import se.basutbud.web.export.Column;
import se.basutbud.web.export.TableWriter;

/**
 * The compliance reports as tables for spreadsheets: the same fields as the JSON answers, named as there, each
 * sheet titled with its revision and date. A CSV holds the main table; a workbook also a summary.
 */
final class ComplianceSheets {

    private ComplianceSheets() {}

    static final List<Column> UNITS = List.of(
            Column.text("hsaId"),
            Column.text("name"),
            Column.text("unitType"),
            Column.text("careProvider"),
            Column.text("administration"),
            Column.text("municipality"),
            Column.integer("required"),
            Column.integer("offered"),
            Column.text("missing"),
            Column.text("exempted"),
            Column.share("score"),
            Column.status("status"));

    private static final List<Column> SUMMARY = List.of(
            Column.date("asOf"),
            Column.integer("baselineId"),
            Column.text("baseline"),
            Column.text("baselineStatus"),
            Column.date("validFrom"),
            Column.integer("units"),
            Column.integer("compliant"),
            Column.integer("partial"),
            Column.integer("nonCompliant"),
            Column.share("averageScore"));

    static String title(String what, ComplianceDtos.BaselineRef baseline, LocalDate asOf) {
        return what + " – " + baseline.name() + " (revision " + baseline.id() + ", " + baseline.status() + ", från "
                + baseline.validFrom() + "), per " + asOf;
    }

    /** Starts the units' sheet and answers a consumer of rows for the report's single read. */
    static Consumer<ComplianceDtos.Row> units(TableWriter writer, ComplianceDtos.BaselineRef baseline, LocalDate asOf)
            throws IOException {
        writer.sheet("Enheter", title("Efterlevnad per enhet", baseline, asOf), UNITS, true);
        return row -> {
            try {
                writer.row(Arrays.asList(
                        row.hsaId(),
                        row.name(),
                        row.unitType().name(),
                        row.careProvider(),
                        row.administration(),
                        row.municipality(),
                        row.required(),
                        row.offered(),
                        String.join(";", row.missing()),
                        String.join(";", row.exempted()),
                        row.score(),
                        row.status().name()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static void summary(
            TableWriter writer, ComplianceDtos.BaselineRef baseline, LocalDate asOf, ComplianceDtos.Summary summary)
            throws IOException {
        writer.sheet("Sammanfattning", title("Sammanfattning", baseline, asOf), SUMMARY, false);
        writer.row(Arrays.asList(
                asOf,
                baseline.id(),
                baseline.name(),
                baseline.status().name(),
                baseline.validFrom(),
                summary.units(),
                summary.compliant(),
                summary.partial(),
                summary.nonCompliant(),
                summary.averageScore()));
    }

    static void services(TableWriter writer, ComplianceDtos.ServiceReport report) throws IOException {
        writer.sheet(
                "Tjänster",
                title("Täckning per e-tjänst", report.baseline(), report.asOf()),
                List.of(
                        Column.text("serviceCode"),
                        Column.text("name"),
                        Column.integer("applicableUnits"),
                        Column.integer("offeringUnits"),
                        Column.integer("exemptedUnits"),
                        Column.share("coverage")),
                true);
        for (ComplianceDtos.ServiceItem item : report.items()) {
            writer.row(Arrays.asList(
                    item.serviceCode(),
                    item.name(),
                    item.applicableUnits(),
                    item.offeringUnits(),
                    item.exemptedUnits(),
                    item.coverage()));
        }
    }

    static void groups(TableWriter writer, ComplianceDtos.GroupReport report) throws IOException {
        writer.sheet(
                "Grupper",
                title("Efterlevnad per " + report.by(), report.baseline(), report.asOf()),
                List.of(
                        Column.text("key"),
                        Column.integer("units"),
                        Column.integer("compliant"),
                        Column.integer("partial"),
                        Column.integer("nonCompliant"),
                        Column.share("averageScore")),
                true);
        for (ComplianceDtos.GroupItem item : report.items()) {
            writer.row(Arrays.asList(
                    item.key(),
                    item.units(),
                    item.compliant(),
                    item.partial(),
                    item.nonCompliant(),
                    item.averageScore()));
        }
    }

    static void trend(TableWriter writer, ComplianceDtos.Trend trend) throws IOException {
        List<ComplianceDtos.TrendPoint> points = trend.items();
        String span = points.isEmpty()
                ? ""
                : " " + points.get(0).date() + "–"
                        + points.get(points.size() - 1).date();
        writer.sheet(
                "Trend",
                "Efterlevnad över tid" + span,
                List.of(
                        Column.date("date"),
                        Column.integer("baselineId"),
                        Column.text("baseline"),
                        Column.integer("units"),
                        Column.integer("compliant"),
                        Column.share("averageScore")),
                true);
        for (ComplianceDtos.TrendPoint point : points) {
            writer.row(Arrays.asList(
                    point.date(),
                    point.baseline() == null ? null : point.baseline().id(),
                    point.baseline() == null ? null : point.baseline().name(),
                    point.units(),
                    point.compliant(),
                    point.averageScore()));
        }
    }
}
