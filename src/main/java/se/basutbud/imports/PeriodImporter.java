package se.basutbud.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import se.basutbud.audit.AuditLog;
import se.basutbud.db.JdbcBatch;

/**
 * Periods of a unit and an e-service, offerings or exemptions, from a file, by the API's rules: a row names a
 * period by its start, or, without one, the period in force or ahead; a row that names none starts a new period
 * (from the import date by default); periods never overlap and are never deleted once they took effect; closed
 * units and retired e-services are refused per row; a unit editor imports only rows of its care providers, dated
 * within the back-dating window.
 */
abstract class PeriodImporter implements Importer {

    /** A row as read: its period and the text the period carries (an offering's link, an exemption's reason). */
    private record Row(
            int line,
            String hsaId,
            String serviceCode,
            String text,
            boolean textGiven,
            LocalDate since,
            LocalDate until,
            boolean untilGiven) {}

    /** A kept row's errors, named and valued as the file has them. */
    private final class Source implements FieldErrors {
        private final Row row;
        private final ImportRun run;

        Source(Row row, ImportRun run) {
            this.row = row;
            this.run = run;
        }

        @Override
        public void error(String field, String message) {
            run.fieldError(row.line(), field, valueOf(field), message);
        }

        boolean valid() {
            return !run.errorsOn(row.line());
        }

        private String valueOf(String field) {
            return switch (field) {
                case "hsaId" -> row.hsaId();
                case "serviceCode" -> row.serviceCode();
                case "since" -> row.since() == null ? null : row.since().toString();
                case "until" -> row.until() == null ? null : row.until().toString();
                default -> row.text();
            };
        }
    }

    /** A period as stored, or as the import will leave it. */
    static final class Period {
        Long id;
        final long unitId;
        final long serviceId;
        String text;
        LocalDate since;
        LocalDate until;

        Period(Long id, long unitId, long serviceId, String text, LocalDate since, LocalDate until) {
            this.id = id;
            this.unitId = unitId;
            this.serviceId = serviceId;
            this.text = text;
            this.since = since;
            this.until = until;
        }

        boolean lastsBeyond(LocalDate day) {
            return until == null || until.isAfter(day);
        }

        boolean overlaps(LocalDate otherSince, LocalDate otherUntil) {
            return (until == null || until.isAfter(otherSince)) && (otherUntil == null || otherUntil.isAfter(since));
        }
    }

    private record Service(long id, String name, boolean active) {}

    private record Write(Period before, Period after, String hsaId, String serviceCode) {}

    private final AuditLog audit;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Integer> firstLine = new HashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private Map<Long, Service> servicesById = Map.of();

    PeriodImporter(AuditLog audit) {
        this.audit = audit;
    }

    /** The table, {@code offering} or {@code exemption}. */
    abstract String table();

    /** A condition on the stored periods that stand (others are history and never in the way); none by default. */
    String standing() {
        return "";
    }

    /** Columns beyond the period's own that a new period of this import gets, with their values. */
    Map<String, Object> insertedColumns(Actor actor, Timestamp now) {
        return Map.of();
    }

    /** Columns beyond the period's own that a changed period of this import gets, with their values. */
    Map<String, Object> updatedColumns(Actor actor, Timestamp now) {
        return Map.of();
    }

    private static void bind(PreparedStatement statement, int first, Map<String, Object> columns) throws SQLException {
        int index = first;
        for (Object value : columns.values()) {
            statement.setObject(index++, value);
        }
    }

    /** The column of the period's text, {@code url} or {@code reason}. */
    abstract String textColumn();

    /** The field of the period's text in files and answers. */
    abstract String textField();

    abstract AuditLog.EntityType entityType();

    /** Checks the period's text; records an error on the row if it is not acceptable. */
    abstract void checkText(FieldErrors row, String text, boolean creating);

    /** Whether a change to a period in force needs the e-service to be active (an exemption's does, as PUT). */
    abstract boolean requireActiveToChange();

    /** The period as the API shows it, for the audit trail. */
    abstract Object dto(String serviceCode, String serviceName, Period period);

    @Override
    public Set<String> requiredFields() {
        return Set.of("hsaId", "serviceCode");
    }

    @Override
    public Set<String> ownNames() {
        return Set.of("hsaId", "serviceCode", textField(), "since", "until");
    }

    @Override
    public Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        for (String own : ownNames()) {
            aliases.put(own.toLowerCase(Locale.ROOT), own);
        }
        aliases.put("hsaidentity", "hsaId");
        return aliases;
    }

    @Override
    public void row(ParsedRow row, ImportRun run) {
        String hsaId = row.hsaId();
        String code = row.text("serviceCode");
        if (code == null) {
            row.error("serviceCode", "is required");
        }
        LocalDate since = row.date("since");
        LocalDate until = row.date("until");
        if (since != null && until != null && !until.isAfter(since)) {
            row.error("until", "must be after since (" + since + ")");
        }
        if (!row.valid()) {
            return;
        }
        String key = hsaId + "/" + code + "/" + (since == null ? "" : since);
        Integer earlier = firstLine.putIfAbsent(key, row.line());
        if (earlier != null) {
            row.error(since == null ? "serviceCode" : "since", "the same period appears on line " + earlier);
            return;
        }
        rows.add(new Row(
                row.line(), hsaId, code, row.text(textField()), row.has(textField()), since, until, row.has("until")));
    }

    @Override
    public void plan(Connection connection, ImportRun run) throws SQLException {
        Map<String, Service> services = services(connection);
        servicesById = new HashMap<>();
        services.forEach((code, service) -> servicesById.put(service.id(), service));
        Map<Long, String> codes = new HashMap<>();
        services.forEach((code, service) -> codes.put(service.id(), code));
        Set<Long> named = new HashSet<>();
        // A unit's rows together, the units in the order of their first row, a chunk of units at a time: only
        // that chunk's periods are in memory, however many units and periods there are.
        Map<String, List<Row>> byUnit = new LinkedHashMap<>();
        rows.forEach(row ->
                byUnit.computeIfAbsent(row.hsaId(), hsaId -> new ArrayList<>()).add(row));
        rows.clear();
        List<String> order = new ArrayList<>(byUnit.keySet());
        for (int from = 0; from < order.size(); from += CHUNK) {
            List<String> chunk = order.subList(from, Math.min(order.size(), from + CHUNK));
            Map<String, ImportUnits.Unit> units = ImportUnits.lock(connection, new HashSet<>(chunk));
            Map<String, List<Period>> periods = periods(connection, units.values());
            for (String hsaId : chunk) {
                for (Row row : byUnit.get(hsaId)) {
                    plan(row, run, units, services, periods, named);
                }
            }
        }
        if (run.mode == ImportMode.FULL && !run.hasErrors()) {
            endUnlisted(connection, run, named, codes);
        }
    }

    /** Units per step of a plan. */
    private static final int CHUNK = 1_000;

    private void plan(
            Row row,
            ImportRun run,
            Map<String, ImportUnits.Unit> units,
            Map<String, Service> services,
            Map<String, List<Period>> periods,
            Set<Long> named) {
        Source source = new Source(row, run);
        ImportUnits.Unit unit = units.get(row.hsaId());
        if (!ImportUnits.editable(unit, run, source)) {
            return;
        }
        Service service = services.get(row.serviceCode());
        if (service == null) {
            source.error("serviceCode", "no e-service has this code");
            return;
        }
        List<Period> ofService = periods.computeIfAbsent(unit.id() + "/" + service.id(), key -> new ArrayList<>());
        Period existing = matching(ofService, row, run.importDate);
        String key = row.hsaId() + "/" + row.serviceCode();
        if (existing != null) {
            named.add(existing.id);
            if (!existing.lastsBeyond(run.importDate)) {
                // An ended period is history; the API changes only the one in force or ahead, and so does a file.
                if (!sameAsStored(row, existing)) {
                    source.error(
                            row.since() != null ? "since" : "serviceCode",
                            "the period from " + existing.since + " ended on " + existing.until
                                    + "; an ended period is not changed");
                } else {
                    run.unchanged++;
                }
                return;
            }
            if (requireActiveToChange() && !service.active()) {
                source.error("serviceCode", "the e-service is retired");
                return;
            }
            update(run, row, existing, ofService, key);
            return;
        }
        if (!service.active()) {
            source.error("serviceCode", "the e-service is retired");
            return;
        }
        checkText(source, row.text(), true);
        LocalDate since = row.since() != null ? row.since() : run.importDate;
        if (row.until() != null && !row.until().isAfter(since)) {
            source.error("until", "must be after the start (" + since + ")");
            return;
        }
        if (!run.actor.mayDate(since)) {
            source.error(
                    row.since() != null ? "since" : "hsaId",
                    "a start more than the back-dating window back" + " is an administrator's to make");
            return;
        }
        Period overlapping = ofService.stream()
                .filter(period -> period.overlaps(since, row.until()))
                .findFirst()
                .orElse(null);
        if (overlapping != null) {
            source.error(
                    row.since() != null ? "since" : "serviceCode",
                    "the period would overlap the one from " + overlapping.since
                            + (overlapping.until == null ? "" : " until " + overlapping.until));
            return;
        }
        if (!source.valid()) {
            return;
        }
        Period created = new Period(null, unit.id(), service.id(), row.text(), since, row.until());
        ofService.add(created);

        writes.add(new Write(null, created, row.hsaId(), row.serviceCode()));
        Map<String, ImportDtos.FieldChange> fields = ImportRun.fields();
        ImportRun.diff(fields, textField(), null, row.text());
        ImportRun.diff(fields, "since", null, since);
        ImportRun.diff(fields, "until", null, row.until());
        run.change(row.line(), key, ChangeAction.CREATE, fields);
        run.unitChanged(row.hsaId());
    }

    private boolean sameAsStored(Row row, Period existing) {
        String text = row.text() != null || row.textGiven() ? row.text() : existing.text;
        LocalDate until = row.untilGiven() ? row.until() : existing.until;
        return Objects.equals(text, existing.text) && Objects.equals(until, existing.until);
    }

    /** The period a row names: the one with its start, or without a start the one in force or ahead. */
    private static Period matching(List<Period> periods, Row row, LocalDate importDate) {
        // Only stored periods: one this file creates is not there to update (a later row that meets it overlaps).
        periods = periods.stream().filter(period -> period.id != null).toList();
        if (row.since() != null) {
            for (Period period : periods) {
                if (period.since.equals(row.since())) {
                    return period;
                }
            }
            // A period in progress that began earlier is the one the file means (it was recorded later, or
            // rounded): as PUT does, the unit keeps offering and the period keeps its start.
            for (Period period : periods) {
                if (period.since.isBefore(row.since())
                        && period.lastsBeyond(importDate)
                        && period.lastsBeyond(row.since())) {
                    return period;
                }
            }
            return null;
        }
        return periods.stream()
                .filter(period -> period.lastsBeyond(importDate))
                .max(Comparator.comparing(period -> period.since))
                .orElse(null);
    }

    private void update(ImportRun run, Row row, Period existing, List<Period> ofService, String key) {
        Source source = new Source(row, run);
        String text = row.text() != null || row.textGiven() ? row.text() : existing.text;
        checkText(source, text, false);
        LocalDate until = row.untilGiven() ? row.until() : existing.until;
        if (until != null && !until.isAfter(existing.since)) {
            source.error("until", "must be after the period's start (" + existing.since + ")");
            return;
        }
        if (!Objects.equals(until, existing.until)) {
            LocalDate earliest = until == null || existing.until == null
                    ? (until == null ? existing.until : until)
                    : until.isBefore(existing.until) ? until : existing.until;
            if (!run.actor.mayDate(earliest)) {
                source.error("until", "an end more than the back-dating window back is an administrator's to change");
                return;
            }
            Period overlapping = ofService.stream()
                    .filter(period -> period != existing && period.overlaps(existing.since, until))
                    .findFirst()
                    .orElse(null);
            if (overlapping != null) {
                source.error("until", "the period would overlap the one from " + overlapping.since);
                return;
            }
        }
        if (!source.valid()) {
            return;
        }
        if (Objects.equals(text, existing.text) && Objects.equals(until, existing.until)) {
            run.unchanged++;
            return;
        }
        Period before = copy(existing);
        existing.text = text;
        existing.until = until;
        writes.add(new Write(before, existing, row.hsaId(), row.serviceCode()));
        Map<String, ImportDtos.FieldChange> fields = ImportRun.fields();
        ImportRun.diff(fields, textField(), before.text, text);
        ImportRun.diff(fields, "until", before.until, until);
        boolean ending = before.until == null && until != null;
        run.change(row.line(), key, ending ? ChangeAction.END : ChangeAction.UPDATE, fields);
        run.unitChanged(row.hsaId());
    }

    /** A full import ends the provider's periods in force or ahead that the file does not name. */
    private void endUnlisted(Connection connection, ImportRun run, Set<Long> named, Map<Long, String> codes)
            throws SQLException {
        String after = "";
        List<ImportUnits.Unit> chunk;
        do {
            chunk = ImportUnits.lockOfProvider(connection, run.careProvider, after, CHUNK);
            Map<Long, String> hsaIdOf = new HashMap<>();
            chunk.forEach(unit -> hsaIdOf.put(unit.id(), unit.hsaId()));
            List<Period> ending = periods(connection, chunk).values().stream()
                    .flatMap(List::stream)
                    .filter(period -> !named.contains(period.id) && period.lastsBeyond(run.importDate))
                    .sorted(Comparator.comparing((Period period) -> hsaIdOf.get(period.unitId))
                            .thenComparing(period -> codes.get(period.serviceId)))
                    .toList();
            for (Period period : ending) {
                String hsaId = hsaIdOf.get(period.unitId);
                String code = codes.get(period.serviceId);
                Period before = copy(period);
                Period ended;
                if (period.since.isBefore(run.importDate)) {
                    period.until = run.importDate;
                    ended = period;
                } else {
                    // Not started yet: it never took effect, so it goes, as a withdrawal on its first day does.
                    ended = null;
                }
                writes.add(new Write(before, ended, hsaId, code));
                Map<String, ImportDtos.FieldChange> fields = ImportRun.fields();
                ImportRun.diff(fields, "until", before.until, run.importDate);
                run.change(null, hsaId + "/" + code, ChangeAction.END, fields);
                run.unitChanged(hsaId);
            }
            if (!chunk.isEmpty()) {
                after = chunk.get(chunk.size() - 1).hsaId();
            }
        } while (chunk.size() == CHUNK);
    }

    private static Period copy(Period period) {
        return new Period(period.id, period.unitId, period.serviceId, period.text, period.since, period.until);
    }

    @Override
    public void apply(Connection connection, ImportRun run) throws SQLException {
        Timestamp now = Timestamp.from(run.writtenAt);
        // Audit rows go out in batches as the writes do, so that none is held in memory.
        AuditLog.ImportTrail trail = audit.importTrail(connection, run.actor.subject(), run.jobId);
        Map<String, Object> inserted = insertedColumns(run.actor, now);
        Map<String, Object> updated = updatedColumns(run.actor, now);
        try (PreparedStatement insert = connection.prepareStatement("insert into " + table()
                        + " (care_unit_id, e_service_id, " + textColumn() + ", since, until, created_at, updated_at"
                        + inserted.keySet().stream()
                                .map(column -> ", " + column)
                                .collect(Collectors.joining())
                        + ") values (?, ?, ?, ?, ?, ?, ?" + ", ?".repeat(inserted.size()) + ")");
                PreparedStatement update = connection.prepareStatement("update " + table() + " set " + textColumn()
                        + " = ?, until = ?, updated_at = ?"
                        + updated.keySet().stream()
                                .map(column -> ", " + column + " = ?")
                                .collect(Collectors.joining())
                        + " where id = ?");
                PreparedStatement delete = connection.prepareStatement("delete from " + table() + " where id = ?")) {
            JdbcBatch inserts = new JdbcBatch(insert);
            JdbcBatch updates = new JdbcBatch(update);
            JdbcBatch deletes = new JdbcBatch(delete);
            for (Write write : writes) {
                String name = servicesById
                        .get((write.after() != null ? write.after() : write.before()).serviceId)
                        .name();
                String key = write.hsaId() + "/" + write.serviceCode();
                if (write.before() == null) {
                    Period period = write.after();
                    insert.setLong(1, period.unitId);
                    insert.setLong(2, period.serviceId);
                    insert.setString(3, period.text);
                    insert.setObject(4, period.since);
                    insert.setObject(5, period.until);
                    insert.setTimestamp(6, now);
                    insert.setTimestamp(7, now);
                    bind(insert, 8, inserted);
                    inserts.add();
                    trail.add(new AuditLog.Entry(
                            entityType(), key, AuditLog.Action.CREATE, null, dto(write.serviceCode(), name, period)));
                } else if (write.after() == null) {
                    delete.setLong(1, write.before().id);
                    deletes.add();
                    trail.add(new AuditLog.Entry(
                            entityType(),
                            key,
                            AuditLog.Action.DELETE,
                            dto(write.serviceCode(), name, write.before()),
                            null));
                } else {
                    update.setString(1, write.after().text);
                    update.setObject(2, write.after().until);
                    update.setTimestamp(3, now);
                    bind(update, 4, updated);
                    update.setLong(4 + updated.size(), write.after().id);
                    updates.add();
                    trail.add(new AuditLog.Entry(
                            entityType(),
                            key,
                            AuditLog.Action.UPDATE,
                            dto(write.serviceCode(), name, write.before()),
                            dto(write.serviceCode(), name, write.after())));
                }
            }
            // Ends first, so that no two periods overlap at any statement.
            updates.finish();
            deletes.finish();
            inserts.finish();
        }
        trail.close();
    }

    private static Map<String, Service> services(Connection connection) throws SQLException {
        Map<String, Service> services = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select id, code, name, status from e_service");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                services.put(
                        rows.getString(2),
                        new Service(rows.getLong(1), rows.getString(3), "ACTIVE".equals(rows.getString(4))));
            }
        }
        return services;
    }

    /** Every period of the units, by unit id and service id. */
    private Map<String, List<Period>> periods(Connection connection, Collection<ImportUnits.Unit> units)
            throws SQLException {
        Map<String, List<Period>> periods = new HashMap<>();
        Long[] ids = units.stream().map(ImportUnits.Unit::id).toArray(Long[]::new);
        try (PreparedStatement select = connection.prepareStatement("select id, care_unit_id, e_service_id, "
                + textColumn() + ", since, until from " + table() + " where care_unit_id = any(?)" + standing()
                + " order by since")) {
            select.setArray(1, connection.createArrayOf("bigint", ids));
            select.setFetchSize(5_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    java.sql.Date until = rows.getDate(6);
                    Period period = new Period(
                            rows.getLong(1),
                            rows.getLong(2),
                            rows.getLong(3),
                            rows.getString(4),
                            rows.getDate(5).toLocalDate(),
                            until == null ? null : until.toLocalDate());
                    periods.computeIfAbsent(period.unitId + "/" + period.serviceId, key -> new ArrayList<>())
                            .add(period);
                }
            }
        }
        return periods;
    }
}
