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
     * Coverage of one e-service over all the filter's units on each of the dates, in one set-based read:
     * what a goal's history follows. The same rules as {@link #coverage} (the tests compare the two), written
     * for many days: each unit's periods are joined with the days they cover rather than looked up per day.
     */
    @Transactional
    public List<OnDate> coverageOn(String serviceCode, UnitFilter filter, List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return List.of();
        }
        EService service = EServiceService.require(serviceCode);
        OptionalConditions conditions = filter.conditions(UnitFilter.Naming.TABLE);
        Map<String, Object> params = new HashMap<>(conditions.params());
        params.put("days", dates.stream().map(LocalDate::toString).toList());
        params.put("first", dates.stream().min(LocalDate::compareTo).orElseThrow());
        params.put("last", dates.stream().max(LocalDate::compareTo).orElseThrow());
        params.put("service", service.id);
        String sql = "with days as (select distinct unnest(cast(:days as date[])) as day),"
                + " scope as (select u.id, u.opened_on, u.closed_on from care_unit u where "
                + DateRules.unitOpen("first", "last") + conditions.andClauses() + "),"
                + " open_days as (select d.day, u.id from days d join scope u on "
                + DateRules.unitOpenBetween("d.day", "d.day") + "),"
                + " offered as (select distinct d.day, o.care_unit_id as id from offering o join days d on "
                + DateRules.offeringInForceBetween("d.day", "d.day") + " where o.e_service_id = :service and "
                + DateRules.offeringInForce("first", "last") + "),"
                + " exempted as (select distinct d.day, x.care_unit_id as id from exemption x join days d on "
                + DateRules.exemptionInForceBetween("d.day", "d.day") + " where x.e_service_id = :service and "
                + DateRules.exemptionInForce("first", "last") + "),"
                // A figure holds from its date until the unit's next figure.
                + " figures as (select l.care_unit_id as id, l.count, l.valid_from, lead(l.valid_from)"
                + "   over (partition by l.care_unit_id order by l.valid_from) as valid_to"
                + "   from listed_residents l where l.valid_from <= :last),"
                + " resident_days as (select d.day, f.id, f.count from figures f join days d"
                + "   on f.valid_from <= d.day and (f.valid_to is null or f.valid_to > d.day))"
                + " select od.day, count(*) as units,"
                + " count(*) filter (where ex.id is not null) as exempted,"
                + " count(*) filter (where ex.id is null and of.id is not null) as offering,"
                + " coalesce(sum(r.count) filter (where ex.id is null), 0) as residents,"
                + " coalesce(sum(r.count) filter (where ex.id is null and of.id is not null), 0) as covered,"
                + " count(*) filter (where ex.id is null and r.count is null) as unknown"
                + " from open_days od"
                + " left join offered of on of.day = od.day and of.id = od.id"
                + " left join exempted ex on ex.day = od.day and ex.id = od.id"
                + " left join resident_days r on r.day = od.day and r.id = od.id"
                + " group by od.day";
        Map<LocalDate, CoverageDtos.Item> byDate = new HashMap<>();
        read(sql, params, rows -> {
            LocalDate day = rows.getObject(1, LocalDate.class);
            byDate.put(day, item(null, rows));
        });
        return dates.stream()
                .map(day -> {
                    CoverageDtos.Item item = byDate.get(day);
                    return item == null
                            ? new OnDate(day, null, null)
                            : new OnDate(day, item.unitCoverage(), item.residentCoverage());
                })
                .toList();
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
