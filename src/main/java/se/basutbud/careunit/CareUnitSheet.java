package se.basutbud.careunit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import se.basutbud.web.export.Column;
import se.basutbud.web.export.TableWriter;

/**
 * Care units as a table: every column the unit import reads, under the same names, so that a list exported,
 * edited in a spreadsheet and imported again changes exactly what was edited.
 */
public final class CareUnitSheet {

    public static final List<Column> COLUMNS = List.of(
            Column.text("hsaId"),
            Column.text("name"),
            Column.text("unitType"),
            Column.text("careProvider"),
            Column.text("administration"),
            Column.text("municipality"),
            Column.text("address"),
            Column.text("phone"),
            Column.text("website"),
            Column.date("openedOn"),
            Column.date("closedOn"));

    private CareUnitSheet() {}

    static Consumer<CareUnitDto> rows(TableWriter writer, String title) throws IOException {
        writer.sheet("Enheter", title, COLUMNS, true);
        return unit -> {
            try {
                writer.row(Arrays.asList(
                        unit.hsaId(),
                        unit.name(),
                        unit.unitType().name(),
                        unit.careProvider(),
                        unit.administration(),
                        unit.municipality(),
                        unit.address(),
                        unit.phone(),
                        unit.website(),
                        unit.openedOn(),
                        unit.closedOn()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
