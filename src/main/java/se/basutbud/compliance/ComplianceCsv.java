package se.basutbud.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The compliance report as RFC 4180 CSV for spreadsheets. Cells that a spreadsheet would run as a
 * formula are prefixed with an apostrophe, so unit names can never inject formulas.
 */
final class ComplianceCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final String HEADER = "hsaId,name,unitType,careProvider,administration,municipality,"
            + "required,offered,missing,exempted,score,status";

    private ComplianceCsv() {}

    /** Writes the header row at once, then one line per {@link #row}. */
    static Consumer<ComplianceDtos.Row> writer(Writer out) {
        write(out, HEADER + "\r\n");
        return row -> write(
                out,
                cell(row.hsaId()) + ','
                        + cell(row.name()) + ','
                        + row.unitType() + ','
                        + cell(row.careProvider()) + ','
                        + cell(row.administration()) + ','
                        + cell(row.municipality()) + ','
                        + row.required() + ','
                        + row.offered() + ','
                        + cell(String.join(";", row.missing())) + ','
                        + cell(String.join(";", row.exempted())) + ','
                        + String.format(Locale.ROOT, "%.4f", row.score()) + ','
                        + row.status() + "\r\n");
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
