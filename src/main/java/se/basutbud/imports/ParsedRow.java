package se.basutbud.imports;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import se.basutbud.careunit.HsaId;
import se.basutbud.imports.source.SourceRow;
import se.basutbud.web.export.SpreadsheetText;
import se.basutbud.web.problem.ApiException;

/**
 * A record with its columns resolved to this import's fields (the service's own names, or HSA's where they
 * exist), its text in NFC as the API stores it. Remembers each field's column name for the errors people read.
 */
final class ParsedRow implements FieldErrors {

    private final int line;
    private final Map<String, String> values = new HashMap<>();
    private final ImportRun run;

    /** @param aliases lower-case column name → field; a field's own name comes first where a file has both */
    ParsedRow(SourceRow row, Map<String, String> aliases, Set<String> ownNames, ImportRun run) {
        this.line = row.line();
        this.run = run;
        for (var entry : row.values().entrySet()) {
            String field = aliases.get(entry.getKey().strip().toLowerCase(Locale.ROOT));
            if (field == null) {
                run.ignoreColumn(entry.getKey());
                continue;
            }
            boolean own = ownNames.contains(entry.getKey().strip());
            if (!values.containsKey(field) || own) {
                values.put(
                        field,
                        Normalizer.normalize(
                                SpreadsheetText.restore(entry.getValue().strip()), Normalizer.Form.NFC));
                run.noteColumn(field, entry.getKey(), own);
            }
        }
    }

    int line() {
        return line;
    }

    /** Whether the file has this field at all (an empty value is a value: none). */
    boolean has(String field) {
        return values.containsKey(field);
    }

    /** The field's text; null when absent or empty. */
    String text(String field) {
        String value = values.get(field);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The row's HSA-id, normalised as the API stores it; null, with the row's error, if absent or not one. */
    String hsaId() {
        if (text("hsaId") == null) {
            error("hsaId", "is required");
            return null;
        }
        try {
            return HsaId.normalize(text("hsaId"));
        } catch (ApiException e) {
            error("hsaId", "must be an HSA-id such as SE2321000073-1234");
            return null;
        }
    }

    /** Records an error on this row's field. */
    @Override
    public void error(String field, String message) {
        run.fieldError(line, field, values.get(field), message);
    }

    /** The fields the row has, for what must be known of it after it is read (the same set is shared). */
    Set<String> fields() {
        return run.fieldSet(values.keySet());
    }

    /**
     * A date as {@code YYYY-MM-DD}, or as HSA's xs:dateTime ({@code 2012-01-01T00:00:00.000+01:00}: the date in
     * the offset given). Null when absent or empty; an error on the row when unreadable.
     */
    LocalDate date(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date;
            if (text.length() == 10) {
                date = LocalDate.parse(text);
            } else {
                try {
                    date = OffsetDateTime.parse(text).toLocalDate();
                } catch (DateTimeParseException e) {
                    date = LocalDateTime.parse(text).toLocalDate();
                }
            }
            if (date.getYear() < 1 || date.getYear() > 9999) {
                error(field, "must be a date between 0001-01-01 and 9999-12-31");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            error(field, "must be a date, YYYY-MM-DD");
            return null;
        }
    }

    /** Marks the row invalid if a date was unreadable: see {@link ImportRun#errorsOn(int)}. */
    boolean valid() {
        return !run.errorsOn(line);
    }
}
