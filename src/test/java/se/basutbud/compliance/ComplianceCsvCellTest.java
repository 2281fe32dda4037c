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
}
