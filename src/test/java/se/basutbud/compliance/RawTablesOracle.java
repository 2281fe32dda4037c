package se.basutbud.compliance;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compliance computed the slow, obvious way: every row of the raw tables read with plain {@code select *}
 * style statements (no date rule in SQL), then the contract's rules applied in Java, written here again on
 * purpose, so that the service's set-based SQL and its per-unit rule are checked against something that
 * shares no code with them.
 */
final class RawTablesOracle {

    record Unit(long id, String hsaId, String unitType, String municipality, LocalDate openedOn, LocalDate closedOn) {

        boolean openOn(LocalDate day) {
            return (openedOn == null || !openedOn.isAfter(day)) && (closedOn == null || closedOn.isAfter(day));
        }
    }

    record Period(String code, boolean active, LocalDate since, LocalDate until) {

        boolean inForceOn(LocalDate day) {
            return (since == null || !since.isAfter(day)) && (until == null || until.isAfter(day));
        }
    }

    record Revision(long id, LocalDate validFrom, boolean published, Map<String, Set<String>> unitTypesByCode) {

        boolean applies(String code, String unitType) {
            Set<String> types = unitTypesByCode.get(code);
            return types.isEmpty() || types.contains(unitType);
        }
    }

    /** One unit's expected answer; code lists in code order. */
    record Expected(
            String hsaId,
            String municipality,
            List<String> required,
            List<String> offered,
            List<String> missing,
            List<String> exempted,
            Set<String> offeredActive,
            double score,
            String status) {}

    private final List<Unit> units = new ArrayList<>();
    private final Map<Long, List<Period>> offerings = new HashMap<>();
    private final Map<Long, List<Period>> exemptions = new HashMap<>();
    private final Map<Long, Revision> revisions = new HashMap<>();

    RawTablesOracle(Connection connection) throws SQLException {
        Map<Long, String> codes = new HashMap<>();
        Map<Long, Boolean> active = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select id, code, status from e_service")) {
                while (rows.next()) {
                    codes.put(rows.getLong(1), rows.getString(2));
                    active.put(rows.getLong(1), "ACTIVE".equals(rows.getString(3)));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "select id, hsa_id, unit_type, municipality, opened_on, closed_on from care_unit")) {
                while (rows.next()) {
                    units.add(new Unit(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            date(rows.getDate(5)),
                            date(rows.getDate(6))));
                }
            }
            try (ResultSet rows =
                    statement.executeQuery("select care_unit_id, e_service_id, since, until from offering")) {
                while (rows.next()) {
                    long service = rows.getLong(2);
                    offerings
                            .computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                            .add(new Period(
                                    codes.get(service),
                                    active.get(service),
                                    date(rows.getDate(3)),
                                    date(rows.getDate(4))));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "select care_unit_id, e_service_id, since, until from exemption where status = 'APPROVED'")) {
                while (rows.next()) {
                    long service = rows.getLong(2);
                    exemptions
                            .computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                            .add(new Period(
                                    codes.get(service),
                                    active.get(service),
                                    date(rows.getDate(3)),
                                    date(rows.getDate(4))));
                }
            }
            try (ResultSet rows = statement.executeQuery("select id, valid_from, status from baseline")) {
                while (rows.next()) {
                    revisions.put(
                            rows.getLong(1),
                            new Revision(
                                    rows.getLong(1),
                                    date(rows.getDate(2)),
                                    "PUBLISHED".equals(rows.getString(3)),
                                    new TreeMap<>()));
                }
            }
            try (ResultSet rows =
                    statement.executeQuery("select baseline_id, e_service_id, unit_types from baseline_requirement")) {
                while (rows.next()) {
                    Set<String> types = new TreeSet<>();
                    Array array = rows.getArray(3);
                    for (Object type : (Object[]) array.getArray()) {
                        types.add((String) type);
                    }
                    revisions.get(rows.getLong(1)).unitTypesByCode().put(codes.get(rows.getLong(2)), types);
                }
            }
        }
    }

    /** The published revision with the latest start on or before the day, if any. */
    Revision inForceOn(LocalDate day) {
        return revisions.values().stream()
                .filter(r -> r.published() && !r.validFrom().isAfter(day))
                .max((a, b) -> a.validFrom().compareTo(b.validFrom()))
                .orElse(null);
    }

    Revision revision(long id) {
        return revisions.get(id);
    }

    /** Every unit open on the day, by HSA-id, under the revision. */
    Map<String, Expected> on(LocalDate day, Revision revision) {
        Map<String, Expected> expected = new TreeMap<>();
        for (Unit unit : units) {
            if (!unit.openOn(day)) {
                continue;
            }
            Set<String> offeredCodes = new TreeSet<>();
            Set<String> offeredActive = new TreeSet<>();
            for (Period period : offerings.getOrDefault(unit.id(), List.of())) {
                if (period.inForceOn(day)) {
                    offeredCodes.add(period.code());
                    if (period.active()) {
                        offeredActive.add(period.code());
                    }
                }
            }
            Set<String> exemptedCodes = new TreeSet<>();
            for (Period period : exemptions.getOrDefault(unit.id(), List.of())) {
                if (period.inForceOn(day)) {
                    exemptedCodes.add(period.code());
                }
            }
            List<String> required = new ArrayList<>();
            List<String> offered = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            List<String> exempted = new ArrayList<>();
            for (String code : new TreeSet<>(revision.unitTypesByCode().keySet())) {
                if (!revision.applies(code, unit.unitType())) {
                    continue;
                }
                if (exemptedCodes.contains(code)) {
                    exempted.add(code);
                    continue;
                }
                required.add(code);
                (offeredCodes.contains(code) ? offered : missing).add(code);
            }
            double score = required.isEmpty() ? 1.0 : (double) offered.size() / required.size();
            String status = score == 1.0 ? "COMPLIANT" : offered.isEmpty() ? "NON_COMPLIANT" : "PARTIAL";
            expected.put(
                    unit.hsaId(),
                    new Expected(
                            unit.hsaId(),
                            unit.municipality(),
                            required,
                            offered,
                            missing,
                            exempted,
                            offeredActive,
                            score,
                            status));
        }
        return expected;
    }

    /** How many units are open on the day, with no revision needed. */
    long openOn(LocalDate day) {
        return units.stream().filter(unit -> unit.openOn(day)).count();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
