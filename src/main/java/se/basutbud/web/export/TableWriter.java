package se.basutbud.web.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes tables row by row to a stream. A workbook holds every sheet started; a CSV is one table, so it holds the
 * sheet marked as the main one and leaves out the others (a report's summary, say).
 */
public interface TableWriter {

    /**
     * Starts a sheet.
     *
     * @param name the sheet's name (a workbook's tab)
     * @param title a line above the table that says what it is, e.g. the revision and date of a report
     * @param main whether this is the table a CSV holds
     */
    void sheet(String name, String title, List<Column> columns, boolean main) throws IOException;

    /** One row of the current sheet, a value per column; null for none. */
    void row(List<?> values) throws IOException;

    /** Ends the last sheet and the file; the stream stays open. */
    void finish() throws IOException;

    static TableWriter of(ExportFormat format, OutputStream out) {
        return format == ExportFormat.XLSX ? new XlsxTableWriter(out) : new CsvTableWriter(out, format);
    }
}
