package se.basutbud.compliance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The compliance report as RFC 4180 CSV for spreadsheets. Cells that a spreadsheet would run as a
 * formula are prefixed with an apostrophe, so unit names can never inject formulas ({@link #cell}).
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

    /**
     * One cell. A spreadsheet runs a field that starts with = + - @ (or a tab or carriage return) as a formula,
     * and a field starts wherever a separator ends: "," as written, and ";" as Excel with Swedish settings reads
     * the file. So an apostrophe goes before every such character at the start of the value or after either
     * separator, and a cell holding either separator is quoted, so that it stays one cell for both. Unicode
     * line and paragraph separators and NEL end a row for some readers, quoted or not: they become spaces.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        StringBuilder safe = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean fieldStart = i == 0 || value.charAt(i - 1) == ',' || value.charAt(i - 1) == ';';
            if (fieldStart && "=+-@\t\r".indexOf(c) >= 0) {
                safe.append('\'');
            }
            safe.append(c == '\u2028' || c == '\u2029' || c == '\u0085' ? ' ' : c);
        }
        String text = safe.toString();
        if (text.indexOf(',') >= 0
                || text.indexOf(';') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
