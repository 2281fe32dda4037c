package se.basutbud.web.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * CSV by Jackson's writer: RFC 4180 with {@code ,} and a decimal point, or as Excel with Swedish settings opens
 * it (a byte order mark, {@code ;}, decimal commas). Every text cell is quoted and neutralised ({@link #cell}), so
 * that no value becomes a formula or a new row in either reading.
 */
final class CsvTableWriter implements TableWriter {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .build();

    private final Writer out;
    private final ExportFormat format;
    private SequenceWriter rows;
    private List<Column> columns;
    private boolean writing;
    private boolean started;

    CsvTableWriter(OutputStream out, ExportFormat format) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.format = format;
    }

    @Override
    public void sheet(String name, String title, List<Column> columns, boolean main) throws IOException {
        if (!main || started) {
            writing = false;
            return;
        }
        started = true;
        writing = true;
        this.columns = columns;
        if (format == ExportFormat.EXCEL_CSV) {
            out.write('\uFEFF');
        }
        CsvSchema.Builder schema = CsvSchema.builder();
        // The columns are named, so that the writer knows a row's width and writes empty cells at its end too.
        columns.forEach(column -> schema.addColumn(column.name()));
        schema.setColumnSeparator(format == ExportFormat.EXCEL_CSV ? ';' : ',')
                .setLineSeparator("\r\n")
                // A null is an empty cell, unquoted, wherever it is in the row.
                .setNullValue("")
                .setUseHeader(false);
        rows = CSV.writer(schema.build()).writeValues(out);
        List<String> header = new ArrayList<>();
        columns.forEach(column -> header.add(column.name()));
        rows.write(header);
    }

    @Override
    public void row(List<?> values) throws IOException {
        if (!writing) {
            return;
        }
        List<Object> cells = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            cells.add(value(columns.get(i), values.get(i)));
        }
        rows.write(cells);
    }

    private Object value(Column column, Object value) {
        if (value == null || value.toString().isEmpty()) {
            // An empty cell, unquoted, as a null is.
            return null;
        }
        return switch (column.kind()) {
            case INTEGER -> value;
            case DECIMAL, SHARE -> {
                BigDecimal number = new BigDecimal(value.toString()).setScale(4, RoundingMode.HALF_UP);
                // Swedish Excel reads "0,5000" as a number, quoted or not; RFC 4180 readers get a bare 0.5000.
                yield format == ExportFormat.EXCEL_CSV ? number.toPlainString().replace('.', ',') : number;
            }
            default -> SpreadsheetText.neutralise(value.toString());
        };
    }

    @Override
    public void finish() throws IOException {
        if (rows != null) {
            rows.flush();
        }
        out.flush();
    }
}
