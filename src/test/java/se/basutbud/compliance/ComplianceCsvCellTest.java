package se.basutbud.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A CSV cell is data in every spreadsheet: RFC 4180 quoting, and no cell that starts a formula. */
class ComplianceCsvCellTest {

    @Test
    void plainTextIsWrittenAsItIs() {
        assertEquals("Hälsocentralen Kvarnholmen", ComplianceCsv.cell("Hälsocentralen Kvarnholmen"));
        assertEquals("", ComplianceCsv.cell(null));
        assertEquals("", ComplianceCsv.cell(""));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"Kalmar, län\"", ComplianceCsv.cell("Kalmar, län"));
        assertEquals("\"Enheten \"\"Norr\"\"\"", ComplianceCsv.cell("Enheten \"Norr\""));
        assertEquals("\"rad ett\nrad två\"", ComplianceCsv.cell("rad ett\nrad två"));
    }

    @Test
    void aCellThatWouldStartAFormulaIsNeutralised() {
        for (String formula : new String[] {"=1+1", "+46 480 123", "-2", "@SUM(A1)", "\tx", "\rx"}) {
            String cell = ComplianceCsv.cell(formula);
            String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
            assertEquals('\'', unquoted.charAt(0), formula + " became " + cell);
        }
        assertEquals(
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", ComplianceCsv.cell("=HYPERLINK(\"http://x\",\"y\")"));
    }

    @Test
    void aFormulaAfterASemicolonOrCommaIsNeutralisedForSwedishExcelToo() {
        // Excel with Swedish settings splits on ";": the cell must stay one cell, and no part of it a formula.
        assertEquals("\"Vårdcentral;'=1+1;\"", ComplianceCsv.cell("Vårdcentral;=1+1;"));
        assertEquals("\"Vårdcentral,'@SUM(A1)\"", ComplianceCsv.cell("Vårdcentral,@SUM(A1)"));
        assertEquals("\"a;b\"", ComplianceCsv.cell("a;b"), "a list of codes stays one cell");
        assertEquals("Enhet - Norr", ComplianceCsv.cell("Enhet - Norr"), "a dash inside a field is no formula");
    }

    @Test
    void unicodeLineSeparatorsNeverSplitARow() {
        assertEquals("rad ett rad två rad tre", ComplianceCsv.cell("rad ett\u2028rad två\u0085rad tre"));
        assertEquals("a b", ComplianceCsv.cell("a\u2029b"));
    }
}
