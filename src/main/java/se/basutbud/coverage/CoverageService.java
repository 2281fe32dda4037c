package se.basutbud.coverage;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import se.basutbud.careunit.UnitFilter;
import se.basutbud.compliance.GroupBy;
import se.basutbud.db.NamedJdbc;
import se.basutbud.db.OptionalConditions;
import se.basutbud.eservice.EService;
import se.basutbud.eservice.EServiceService;
import se.basutbud.unitsondate.DateRules;

/**
 * Coverage of one e-service, required by the basutbud or not, per group of the units open on a date: by units
 * (those exempted left out) and by the residents listed at them (those without a figure counted apart, never as
 * zero). One read, grouped by the database.
 */
@ApplicationScoped
public class CoverageService {

    private final EntityManager entityManager;

    CoverageService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private static String column(GroupBy by) {
        return switch (by) {
            case careProvider -> "u.care_provider";
            case unitType -> "u.unit_type";
            case administration -> "u.administration";
            case municipality -> "u.municipality";
        };
    }

    @Transactional
    public CoverageDtos.Report coverage(String serviceCode, GroupBy by, UnitFilter filter, LocalDate asOf) {
        EService service = EServiceService.require(serviceCode);
        OptionalConditions conditions = filter.conditions(UnitFilter.Naming.TABLE);
        Map<String, Object> params = new HashMap<>(conditions.params());
        params.put("asOf", asOf);
        params.put("service", service.id);
        String sql = "select " + column(by) + " as key, count(*) as units,"
                + " count(*) filter (where ex.exempted) as exempted,"
                + " count(*) filter (where not ex.exempted and of.offered) as offering,"
                + " coalesce(sum(r.count) filter (where not ex.exempted), 0) as residents,"
                + " coalesce(sum(r.count) filter (where not ex.exempted and of.offered), 0) as covered,"
                + " count(*) filter (where not ex.exempted and r.count is null) as unknown"
                + " from care_unit u"
                + " cross join lateral (select exists (select 1 from exemption x where x.care_unit_id = u.id"
                + "   and x.e_service_id = :service and " + DateRules.exemptionInForce("asOf", "asOf")
                + ") as exempted) ex"
                + " cross join lateral (select exists (select 1 from offering o where o.care_unit_id = u.id"
                + "   and o.e_service_id = :service and " + DateRules.offeringInForce("asOf", "asOf")
                + ") as offered) of"
                + " left join lateral (select l.count from listed_residents l where l.care_unit_id = u.id"
                + "   and l.valid_from <= :asOf order by l.valid_from desc limit 1) r on true"
                + " where " + DateRules.unitOpen("asOf", "asOf") + conditions.andClauses()
                + " group by 1 order by 1 nulls last";
        List<CoverageDtos.Item> items = new ArrayList<>();
        read(sql, params, rows -> items.add(item(rows.getString(1), rows)));
        return new CoverageDtos.Report(service.code, asOf, by, items, summary(items));
    }

    /** Coverage of one e-service over a set of units on one date; null where nothing can be measured. */
    public record OnDate(LocalDate date, Double unitCoverage, Double residentCoverage) {}

    /**
     * Coverage of one e-service over all the filter's units on each of the dates: what a goal's history
     * follows. Four plain reads (the units open at some point of the dates, the service's offering and approved
     * exemption periods then, the residents' figures), and the rules of {@link #coverage} applied to each unit
     * on each day in memory, a unit at a time; the tests compare the two date by date.
     */
    @Transactional
    public List<OnDate> coverageOn(String serviceCode, UnitFilter filter, List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return List.of();
        }
        EService service = EServiceService.require(serviceCode);
        long[] days = dates.stream().mapToLong(LocalDate::toEpochDay).toArray();
        OptionalConditions conditions = filter.conditions(UnitFilter.Naming.TABLE);
        Map<String, Object> params = new HashMap<>(conditions.params());
        params.put("first", dates.stream().min(LocalDate::compareTo).orElseThrow());
        params.put("last", dates.stream().max(LocalDate::compareTo).orElseThrow());
        params.put("service", service.id);
        Map<Long, List<long[]>> offered = new HashMap<>();
        read(
                "select o.care_unit_id, o.since, o.until from offering o where o.e_service_id = :service and "
                        + DateRules.offeringInForce("first", "last"),
                params,
                rows -> offered.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>(2))
                        .add(period(rows)));
        Map<Long, List<long[]>> exempted = new HashMap<>();
        read(
                "select x.care_unit_id, x.since, x.until from exemption x where x.e_service_id = :service and "
                        + DateRules.exemptionInForce("first", "last"),
                params,
                rows -> exempted.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>(2))
                        .add(period(rows)));
        // Each unit's figures by date; a day's figure is the latest on or before it.
        Map<Long, List<long[]>> figures = new HashMap<>();
        read(
                "select l.care_unit_id, l.valid_from, l.count from listed_residents l where l.valid_from <= :last"
                        + " order by l.care_unit_id, l.valid_from",
                params,
                rows -> figures.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>(2))
                        .add(new long[] {rows.getObject(2, LocalDate.class).toEpochDay(), rows.getLong(3)}));
        int[] units = new int[days.length];
        int[] exemptedUnits = new int[days.length];
        int[] offering = new int[days.length];
        long[] residents = new long[days.length];
        long[] covered = new long[days.length];
        int[] unknown = new int[days.length];
        read(
                "select u.id, u.opened_on, u.closed_on from care_unit u where " + DateRules.unitOpen("first", "last")
                        + conditions.andClauses(),
                params,
                rows -> {
                    long id = rows.getLong(1);
                    long[] open = period(rows);
                    for (int i = 0; i < days.length; i++) {
                        long day = days[i];
                        if (!holds(open, day)) {
                            continue;
                        }
                        units[i]++;
                        if (holdsAny(exempted.get(id), day)) {
                            exemptedUnits[i]++;
                            continue;
                        }
                        boolean offers = holdsAny(offered.get(id), day);
                        if (offers) {
                            offering[i]++;
                        }
                        Long count = figureOn(figures.get(id), day);
                        if (count == null) {
                            unknown[i]++;
                        } else {
                            residents[i] += count;
                            covered[i] += offers ? count : 0;
                        }
                    }
                });
        List<OnDate> result = new ArrayList<>(days.length);
        for (int i = 0; i < days.length; i++) {
            CoverageDtos.Item item =
                    item(null, units[i], offering[i], exemptedUnits[i], residents[i], covered[i], unknown[i]);
            result.add(new OnDate(dates.get(i), item.unitCoverage(), item.residentCoverage()));
        }
        return result;
    }

    /** A period [from, until) from columns 2 and 3, in epoch days; null ends are open. */
    private static long[] period(ResultSet rows) throws java.sql.SQLException {
        LocalDate from = rows.getObject(2, LocalDate.class);
        LocalDate until = rows.getObject(3, LocalDate.class);
        return new long[] {
            from == null ? Long.MIN_VALUE : from.toEpochDay(), until == null ? Long.MAX_VALUE : until.toEpochDay()
        };
    }

    /** The rules of {@link DateRules}, for one day: from it on (or no start), until before it (or no end). */
    private static boolean holds(long[] period, long day) {
        return period[0] <= day && day < period[1];
    }

    private static boolean holdsAny(List<long[]> periods, long day) {
        if (periods != null) {
            for (long[] period : periods) {
                if (holds(period, day)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Long figureOn(List<long[]> figures, long day) {
        Long count = null;
        if (figures != null) {
            for (long[] figure : figures) {
                if (figure[0] > day) {
                    break;
                }
                count = figure[1];
            }
        }
        return count;
    }

    private interface RowReader {
        void read(ResultSet rows) throws java.sql.SQLException;
    }

    private void read(String sql, Map<String, Object> params, RowReader reader) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (ResultSet rows = NamedJdbc.query(connection, sql, params)) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        });
    }

    private static CoverageDtos.Item item(String key, ResultSet rows) throws java.sql.SQLException {
        return item(
                key, rows.getInt(2), rows.getInt(4), rows.getInt(3), rows.getLong(5), rows.getLong(6), rows.getInt(7));
    }

    private static CoverageDtos.Item item(
            String key, int units, int offering, int exempted, long residents, long covered, int unknown) {
        int notExempted = units - exempted;
        return new CoverageDtos.Item(
                key,
                units,
                offering,
                exempted,
                notExempted == 0 ? null : (double) offering / notExempted,
                residents,
                covered,
                residents == 0 ? null : (double) covered / residents,
                unknown);
    }

    static CoverageDtos.Summary summary(List<CoverageDtos.Item> items) {
        CoverageDtos.Item all = item(
                null,
                items.stream().mapToInt(CoverageDtos.Item::units).sum(),
                items.stream().mapToInt(CoverageDtos.Item::offeringUnits).sum(),
                items.stream().mapToInt(CoverageDtos.Item::exemptedUnits).sum(),
                items.stream().mapToLong(CoverageDtos.Item::residents).sum(),
                items.stream().mapToLong(CoverageDtos.Item::residentsCovered).sum(),
                items.stream().mapToInt(CoverageDtos.Item::unknownResidentUnits).sum());
        List<CoverageDtos.Item> measured = items.stream()
                .filter(item -> item.residentCoverage() != null)
                .sorted(Comparator.comparing(CoverageDtos.Item::residentCoverage))
                .toList();
        CoverageDtos.Extreme lowest = measured.isEmpty()
                ? null
                : new CoverageDtos.Extreme(
                        measured.get(0).key(), measured.get(0).residentCoverage());
        CoverageDtos.Extreme highest = measured.isEmpty()
                ? null
                : new CoverageDtos.Extreme(
                        measured.get(measured.size() - 1).key(),
                        measured.get(measured.size() - 1).residentCoverage());
        return new CoverageDtos.Summary(
                all.units(),
                all.offeringUnits(),
                all.exemptedUnits(),
                all.unitCoverage(),
                all.residents(),
                all.residentsCovered(),
                all.residentCoverage(),
                all.unknownResidentUnits(),
                lowest,
                highest,
                lowest == null ? null : highest.residentCoverage() - lowest.residentCoverage());
    }
}
