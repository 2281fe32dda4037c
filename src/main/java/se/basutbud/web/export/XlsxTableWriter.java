package se.basutbud.web.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A workbook as management would make it by hand: each sheet with its title on the first row, a bold header
 * with a frozen pane and an autofilter under it, columns wide enough for what they hold, shares as percentages,
 * dates as dates, and statuses coloured. Written streaming by fastexcel: rows go out a thousand at a time, so
 * memory stays flat however long the sheet is (widths are measured on the first rows).
 */
final class XlsxTableWriter implements TableWriter {

    static final int TITLE_ROW = 0;
    static final int HEADER_ROW = 2;
    private static final int MEASURED_ROWS = 500;
    private static final int FLUSH_EVERY = 1_000;

    private final Workbook workbook;
    private Worksheet sheet;
    private List<Column> columns;
    private final List<List<?>> firstRows = new ArrayList<>();
    private int nextRow;
    private boolean widthsSet;

    XlsxTableWriter(OutputStream out) {
        this.workbook = new Workbook(out, "basutbud", "1.0");
    }

    @Override
    public void sheet(String name, String title, List<Column> columns, boolean main) throws IOException {
        endSheet();
        this.sheet = workbook.newWorksheet(name);
        this.columns = columns;
        sheet.value(TITLE_ROW, 0, title);
        sheet.style(TITLE_ROW, 0).bold().fontSize(14).set();
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(HEADER_ROW, c, columns.get(c).name());
            sheet.style(HEADER_ROW, c).bold().fillColor("DDEBF7").set();
        }
        sheet.freezePane(0, HEADER_ROW + 1);
        nextRow = HEADER_ROW + 1;
        widthsSet = false;
    }

    @Override
    public void row(List<?> values) throws IOException {
        if (!widthsSet) {
            firstRows.add(values);
            if (firstRows.size() == MEASURED_ROWS) {
                setWidths();
            }
            return;
        }
        write(values);
    }

    private void write(List<?> values) throws IOException {
        int r = nextRow++;
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Column column = columns.get(c);
            switch (column.kind()) {
                case INTEGER, DECIMAL -> sheet.value(r, c, (Number) value);
                case SHARE -> {
                    sheet.value(r, c, (Number) value);
                    sheet.style(r, c).format("0.0%").set();
                }
                case DATE -> {
                    sheet.value(r, c, value instanceof LocalDate date ? date : LocalDate.parse(value.toString()));
                    sheet.style(r, c).format("yyyy-mm-dd").set();
                }
                case STATUS -> {
                    sheet.value(r, c, value.toString());
                    sheet.style(r, c).fillColor(statusColour(value.toString())).set();
                }
                case TEXT -> sheet.value(r, c, value.toString());
            }
        }
        if ((r - HEADER_ROW) % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    /** Excel's own "good", "neutral" and "bad" fills. */
    private static String statusColour(String status) {
        return switch (status) {
            case "COMPLIANT" -> "C6EFCE";
            case "PARTIAL" -> "FFEB9C";
            case "NON_COMPLIANT" -> "FFC7CE";
            default -> "FFFFFF";
        };
    }

    /** Widths from the header and the first rows, in characters, within reason. */
    private void setWidths() throws IOException {
        for (int c = 0; c < columns.size(); c++) {
            int widest = columns.get(c).name().length() + 3;
            for (List<?> row : firstRows) {
                Object value = row.get(c);
                int length = value == null
                        ? 0
                        : columns.get(c).kind() == Column.Kind.DATE
                                ? 10
                                : value.toString().length();
                widest = Math.max(widest, length + 2);
            }
            sheet.width(c, Math.min(widest, 60));
        }
        widthsSet = true;
        for (List<?> row : firstRows) {
            write(row);
        }
        firstRows.clear();
    }

    private void endSheet() throws IOException {
        if (sheet == null) {
            return;
        }
        if (!widthsSet) {
            setWidths();
        }
        int lastRow = Math.max(HEADER_ROW, nextRow - 1);
        sheet.setAutoFilter(HEADER_ROW, 0, lastRow, columns.size() - 1);
        sheet.finish();
    }

    @Override
    public void finish() throws IOException {
        endSheet();
        workbook.finish();
    }
}
