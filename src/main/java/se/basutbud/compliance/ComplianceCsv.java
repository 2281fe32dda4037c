package se.basutbud.compliance;

import java.util.List;
import java.util.Locale;

/**
 * The compliance report as RFC 4180 CSV for spreadsheets. Cells that a spreadsheet would run as a
 * formula are prefixed with an apostrophe, so unit names can never inject formulas.
 */
final class ComplianceCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final String HEADER = "hsaId,name,unitType,careProvider,administration,municipality,"
            + "required,offered,missing,exempted,score,status";

    private ComplianceCsv() {
    }

    static String of(List<ComplianceDtos.Row> rows) {
        StringBuilder csv = new StringBuilder(HEADER.length() + rows.size() * 160);
        csv.append(HEADER).append("\r\n");
        for (ComplianceDtos.Row row : rows) {
            csv.append(cell(row.hsaId())).append(',')
                    .append(cell(row.name())).append(',')
                    .append(row.unitType()).append(',')
                    .append(cell(row.careProvider())).append(',')
                    .append(cell(row.administration())).append(',')
                    .append(cell(row.municipality())).append(',')
                    .append(row.required()).append(',')
                    .append(row.offered()).append(',')
                    .append(cell(String.join(";", row.missing()))).append(',')
                    .append(cell(String.join(";", row.exempted()))).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", row.score())).append(',')
                    .append(row.status()).append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
