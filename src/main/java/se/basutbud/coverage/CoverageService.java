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
        params.put("first", asOf);
        params.put("last", asOf);
        params.put("service", service.id);
        String sql = "select " + column(by) + " as key, count(*) as units,"
                + " count(*) filter (where ex.exempted) as exempted,"
                + " count(*) filter (where not ex.exempted and of.offered) as offering,"
                + " coalesce(sum(r.count) filter (where not ex.exempted), 0) as residents,"
                + " coalesce(sum(r.count) filter (where not ex.exempted and of.offered), 0) as covered,"
                + " count(*) filter (where not ex.exempted and r.count is null) as unknown"
                + " from care_unit u"
                + " cross join lateral (select exists (select 1 from exemption x where x.care_unit_id = u.id"
                + "   and x.e_service_id = :service and " + DateRules.exemptionInForce("first", "last")
                + ") as exempted) ex"
                + " cross join lateral (select exists (select 1 from offering o where o.care_unit_id = u.id"
                + "   and o.e_service_id = :service and " + DateRules.offeringInForce("first", "last")
                + ") as offered) of"
                + " left join lateral (select l.count from listed_residents l where l.care_unit_id = u.id"
                + "   and l.valid_from <= :last order by l.valid_from desc limit 1) r on true"
                + " where " + DateRules.unitOpen("first", "last") + conditions.andClauses()
                + " group by 1 order by 1 nulls last";
        List<CoverageDtos.Item> items = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (ResultSet rows = NamedJdbc.query(connection, sql, params)) {
                while (rows.next()) {
                    items.add(item(
                            rows.getString(1),
                            rows.getInt(2),
                            rows.getInt(4),
                            rows.getInt(3),
                            rows.getLong(5),
                            rows.getLong(6),
                            rows.getInt(7)));
                }
            }
        });
        return new CoverageDtos.Report(service.code, asOf, by, items, summary(items));
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
