package se.basutbud.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One job's work in memory while it runs: what it was asked, and what it found (errors, changes, counts).
 * A dry run and a real run fill it the same way; only the real run then writes.
 */
final class ImportRun {

    static final int MAX_ERRORS = 1_000;

    final long jobId;
    final ImportKind kind;
    final ImportMode mode;
    final boolean dryRun;
    final String careProvider;
    final boolean allowMassClose;
    final LocalDate importDate;
    final Actor actor;

    final AtomicInteger rowsRead = new AtomicInteger();
    /** When the writes happen: every row the import writes carries it. */
    final java.time.Instant writtenAt;

    private final List<ImportDtos.RowError> errors = new ArrayList<>();
    private int errorCount;
    private final Set<Integer> invalidLines = new HashSet<>();
    private final Set<String> ignoredColumns = new TreeSet<>();
    private final Map<String, String> columnNames = new HashMap<>();
    private final Map<Set<String>, Set<String>> fieldSets = new HashMap<>();
    private ChangeLog changeLog;
    private final Set<String> changedUnits = new LinkedHashSet<>();
    int rows;
    int created;
    int updated;
    int unchanged;
    int closed;
    int skipped;

    ImportRun(
            long jobId,
            ImportKind kind,
            ImportMode mode,
            boolean dryRun,
            String careProvider,
            boolean allowMassClose,
            LocalDate importDate,
            Actor actor,
            java.time.Instant writtenAt) {
        this.writtenAt = writtenAt;
        this.jobId = jobId;
        this.kind = kind;
        this.mode = mode;
        this.dryRun = dryRun;
        this.careProvider = careProvider;
        this.allowMassClose = allowMassClose;
        this.importDate = importDate;
        this.actor = actor;
    }

    void error(Integer line, String field, String value, String message) {
        errorCount++;
        if (line != null) {
            invalidLines.add(line);
        }
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ImportDtos.RowError(line, field, value, message));
        }
    }

    /** The file's name of a field, remembered from the rows: the service's own name wins over HSA's. */
    void noteColumn(String field, String column, boolean own) {
        if (own) {
            columnNames.put(field, column);
        } else {
            columnNames.putIfAbsent(field, column);
        }
    }

    /** An error on a field of a row, named as the file names it. */
    void fieldError(int line, String field, String value, String message) {
        error(line, columnNames.getOrDefault(field, field), value, message);
    }

    /** The one shared copy of a set of fields: most rows of a file have the same columns. */
    Set<String> fieldSet(Set<String> fields) {
        return fieldSets.computeIfAbsent(Set.copyOf(fields), set -> set);
    }

    /** Changes go to the database as they are found, in the import's transaction: memory stays flat. */
    void logChangesTo(ChangeLog log) {
        this.changeLog = log;
    }

    /** An error of the file as a whole. */
    void fileError(Integer line, String message) {
        error(line, null, null, message);
    }

    boolean errorsOn(int line) {
        return invalidLines.contains(line);
    }

    boolean hasErrors() {
        return errorCount > 0;
    }

    void ignoreColumn(String column) {
        ignoredColumns.add(column);
    }

    /** Records a change; fields whose values are equal are left out. */
    void change(Integer line, String key, ChangeAction action, Map<String, ImportDtos.FieldChange> fields) {
        changeLog.add(new ImportDtos.Change(line, key, action, fields));
        switch (action) {
            case CREATE -> created++;
            case UPDATE -> updated++;
            case CLOSE, END -> {
                if (line == null) {
                    closed++;
                } else {
                    updated++;
                }
            }
        }
    }

    void unitChanged(String hsaId) {
        changedUnits.add(hsaId);
    }

    Set<String> changedUnits() {
        return changedUnits;
    }

    List<ImportDtos.RowError> errors() {
        errors.sort(java.util.Comparator.comparing(
                ImportDtos.RowError::line, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return errors;
    }

    int errorCount() {
        return errorCount;
    }

    List<String> ignoredColumns() {
        return List.copyOf(ignoredColumns);
    }

    ImportDtos.Summary summary() {
        return new ImportDtos.Summary(rows, created, updated, unchanged, closed, invalidLines.size(), skipped);
    }

    /** A field's change from one value to another, for {@link #change}; null when they are equal. */
    static void diff(Map<String, ImportDtos.FieldChange> fields, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            fields.put(
                    field,
                    new ImportDtos.FieldChange(
                            from == null ? null : from.toString(), to == null ? null : to.toString()));
        }
    }

    static Map<String, ImportDtos.FieldChange> fields() {
        return new LinkedHashMap<>();
    }
}
