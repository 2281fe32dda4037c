package se.basutbud.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.basutbud.audit.AuditLog;
import se.basutbud.db.JdbcBatch;
import se.basutbud.residents.ListedResidentsDto;

/**
 * Listed residents from a file: {@code hsaId, count, from}, by the API's rules: a figure from a date is added, or
 * replaces the one from the same date; earlier figures stay.
 */
final class ResidentsImporter implements Importer {

    private record Row(ParsedRow source, String hsaId, int count, LocalDate from) {}

    private record Write(long unitId, String hsaId, LocalDate from, Integer before, int after, Long id) {}

    private final AuditLog audit;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Integer> firstLine = new HashMap<>();
    private final List<Write> writes = new ArrayList<>();

    ResidentsImporter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Map<String, String> aliases() {
        return Map.of("hsaid", "hsaId", "hsaidentity", "hsaId", "count", "count", "from", "from");
    }

    @Override
    public Set<String> ownNames() {
        return Set.of("hsaId", "count", "from");
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("hsaId", "count");
    }

    @Override
    public void row(ParsedRow row, ImportRun run) {
        String hsaId = row.hsaId();
        Integer count = null;
        if (row.text("count") == null) {
            row.error("count", "is required");
        } else {
            try {
                count = Integer.valueOf(row.text("count").replace(" ", "").replace("\u00a0", ""));
                if (count < 0 || count > 10_000_000) {
                    row.error("count", "must be between 0 and 10000000");
                }
            } catch (NumberFormatException e) {
                row.error("count", "must be a whole number");
            }
        }
        LocalDate from = row.date("from");
        if (!row.valid()) {
            return;
        }
        LocalDate day = from != null ? from : run.importDate;
        if (!run.actor.mayDate(day)) {
            row.error("from", "a figure more than the back-dating window back is an administrator's to record");
            return;
        }
        Integer earlier = firstLine.putIfAbsent(hsaId + "/" + day, row.line());
        if (earlier != null) {
            row.error("from", "the same unit and date appear on line " + earlier);
            return;
        }
        rows.add(new Row(row, hsaId, count, day));
    }

    @Override
    public void plan(Connection connection, ImportRun run) throws SQLException {
        Set<String> hsaIds = new HashSet<>();
        rows.forEach(row -> hsaIds.add(row.hsaId()));
        Map<String, ImportUnits.Unit> units = ImportUnits.lock(connection, hsaIds);
        Map<String, long[]> figures = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select care_unit_id, valid_from, count, id from listed_residents where care_unit_id = any(?)")) {
            select.setArray(
                    1,
                    connection.createArrayOf(
                            "bigint",
                            units.values().stream().map(ImportUnits.Unit::id).toArray(Long[]::new)));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    figures.put(
                            result.getLong(1) + "/" + result.getDate(2).toLocalDate(),
                            new long[] {result.getInt(3), result.getLong(4)});
                }
            }
        }
        for (Row row : rows) {
            ImportUnits.Unit unit = units.get(row.hsaId());
            if (!ImportUnits.editable(unit, run, row.source())) {
                continue;
            }
            long[] stored = figures.get(unit.id() + "/" + row.from());
            String key = row.hsaId() + "/" + row.from();
            if (stored != null && stored[0] == row.count()) {
                run.unchanged++;
                continue;
            }
            Map<String, ImportDtos.FieldChange> fields = ImportRun.fields();
            ImportRun.diff(fields, "count", stored == null ? null : (int) stored[0], row.count());
            if (stored == null) {
                ImportRun.diff(fields, "from", null, row.from());
            }
            writes.add(new Write(
                    unit.id(),
                    row.hsaId(),
                    row.from(),
                    stored == null ? null : (int) stored[0],
                    row.count(),
                    stored == null ? null : stored[1]));
            run.change(row.source().line(), key, stored == null ? ChangeAction.CREATE : ChangeAction.UPDATE, fields);
        }
    }

    @Override
    public void apply(Connection connection, ImportRun run) throws SQLException {
        Timestamp now = Timestamp.from(run.writtenAt);
        // Audit rows go out in batches as the writes do, so that none is held in memory.
        AuditLog.ImportTrail trail = audit.importTrail(connection, run.actor.subject(), run.jobId);
        try (PreparedStatement insert = connection.prepareStatement("insert into listed_residents"
                        + " (care_unit_id, valid_from, count, created_at, updated_at) values (?, ?, ?, ?, ?)");
                PreparedStatement update = connection.prepareStatement(
                        "update listed_residents set count = ?, updated_at = ? where id = ?")) {
            JdbcBatch inserts = new JdbcBatch(insert);
            JdbcBatch updates = new JdbcBatch(update);
            for (Write write : writes) {
                if (write.id() == null) {
                    insert.setLong(1, write.unitId());
                    insert.setObject(2, write.from());
                    insert.setInt(3, write.after());
                    insert.setTimestamp(4, now);
                    insert.setTimestamp(5, now);
                    inserts.add();
                } else {
                    update.setInt(1, write.after());
                    update.setTimestamp(2, now);
                    update.setLong(3, write.id());
                    updates.add();
                }
                trail.add(new AuditLog.Entry(
                        AuditLog.EntityType.LISTED_RESIDENTS,
                        write.hsaId() + "/" + write.from(),
                        write.id() == null ? AuditLog.Action.CREATE : AuditLog.Action.UPDATE,
                        write.before() == null ? null : new ListedResidentsDto(write.before(), write.from()),
                        new ListedResidentsDto(write.after(), write.from())));
            }
            inserts.finish();
            updates.finish();
        }
        trail.close();
    }
}
