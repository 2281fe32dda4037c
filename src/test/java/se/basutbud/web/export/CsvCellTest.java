package se.basutbud.web.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A CSV cell is data in every spreadsheet: RFC 4180 quoting, and no cell that starts a formula, for "," and ";". */
class CsvCellTest {

    private static final List<Column> COLUMNS =
            List.of(Column.text("name"), Column.integer("units"), Column.share("score"), Column.date("asOf"));

    private static String write(ExportFormat format, List<?>... rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TableWriter writer = TableWriter.of(format, bytes);
        writer.sheet("Enheter", "Titel", COLUMNS, true);
        for (List<?> row : rows) {
            writer.row(row);
        }
        writer.sheet("Sammanfattning", "Titel", COLUMNS, false);
        writer.row(List.of("not in a CSV", 1, 0.5, LocalDate.of(2026, 1, 1)));
        writer.finish();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rfc4180QuotesEveryTextAndWritesNumbersWithAPoint() throws IOException {
        assertEquals(
                "\"name\",\"units\",\"score\",\"asOf\"\r\n"
                        + "\"Hälsocentralen \"\"Norr\"\", Kalmar\",12,0.6667,\"2026-11-29\"\r\n"
                        + "\"rad ett\nrad två\",,,\r\n",
                write(
                        ExportFormat.CSV,
                        List.of("Hälsocentralen \"Norr\", Kalmar", 12, 2.0 / 3, LocalDate.of(2026, 11, 29)),
                        Arrays.asList("rad ett\nrad två", null, null, null)));
    }

    @Test
    void swedishExcelGetsABomSemicolonsAndDecimalCommas() throws IOException {
        assertEquals(
                "\uFEFF\"name\";\"units\";\"score\";\"asOf\"\r\n\"Enhet; Öst\";3;\"0,5000\";\"2026-11-29\"\r\n",
                write(ExportFormat.EXCEL_CSV, List.of("Enhet; Öst", 3, 0.5, LocalDate.of(2026, 11, 29))));
    }

    @Test
    void aCellThatWouldStartAFormulaIsNeutralised() {
        for (String formula : new String[] {"=1+1", "+46 480 123", "-2", "@SUM(A1)", "\tx", "\rx"}) {
            assertEquals('\'', SpreadsheetText.neutralise(formula).charAt(0), formula);
        }
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", SpreadsheetText.neutralise("=HYPERLINK(\"http://x\",\"y\")"));
    }

    @Test
    void aFormulaAfterASemicolonOrCommaIsNeutralisedForSwedishExcelToo() throws IOException {
        assertEquals("Vårdcentral;'=1+1;", SpreadsheetText.neutralise("Vårdcentral;=1+1;"));
        assertEquals("Vårdcentral,'@SUM(A1)", SpreadsheetText.neutralise("Vårdcentral,@SUM(A1)"));
        assertEquals("Enhet - Norr", SpreadsheetText.neutralise("Enhet - Norr"), "a dash inside a field is no formula");
        // Quoted as a whole, so it stays one cell where ";" separates cells too.
        assertEquals(
                "\"name\",\"units\",\"score\",\"asOf\"\r\n\"Vårdcentral;'=1+1;\",,,\r\n",
                write(ExportFormat.CSV, Arrays.asList("Vårdcentral;=1+1;", null, null, null)));
    }

    @Test
    void anImportTakesOutTheApostrophesAnExportPutIn() {
        for (String text :
                new String[] {"=1+1", "Vårdcentral;=1+1;", "Vårdcentral,@SUM(A1)", "-2", "O'Brien", "'citat'"}) {
            assertEquals(text, SpreadsheetText.restore(SpreadsheetText.neutralise(text)), text);
        }
    }

    @Test
    void unicodeLineSeparatorsNeverSplitARow() {
        assertEquals("rad ett rad två rad tre", SpreadsheetText.neutralise("rad ett\u2028rad två\u0085rad tre"));
        assertEquals("a b", SpreadsheetText.neutralise("a\u2029b"));
    }
}
