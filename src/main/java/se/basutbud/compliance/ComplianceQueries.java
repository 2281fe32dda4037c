package se.basutbud.compliance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import se.basutbud.careunit.CareUnitService;
import se.basutbud.careunit.UnitType;

/**
 * Reads, in one statement, every unit that exists on a date (within a filter) with the e-services it
 * offers and is exempted from on that date. Set-based: no query per unit or per service; per unit, the
 * offerings in force come from an index-only scan (V10).
 */
@ApplicationScoped
class ComplianceQueries {

    private final EntityManager entityManager;
    private volatile ServiceCodes serviceCodes;

    ComplianceQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    List<UnitCompliance.UnitRow> unitsOn(LocalDate date, CareUnitService.Filter filter, String hsaId) {
        List<UnitCompliance.UnitRow> units = new ArrayList<>();
        forEachUnitOn(date, filter, hsaId, units::add);
        return units;
    }

    /**
     * Every unit open on the date within the filter (or only the one unit), in HSA-id order, with the
     * e-services it offers and is exempted from on that date, handed over as the rows arrive from the
     * database. Must run in a transaction.
     */
    void forEachUnitOn(
            LocalDate date, CareUnitService.Filter filter, String hsaId, Consumer<UnitCompliance.UnitRow> consumer) {
        StringBuilder sql = new StringBuilder("""
                select u.hsa_id, u.name, u.unit_type, u.care_provider, u.administration, u.municipality,
                       array(select o.e_service_id from offering o
                             where o.care_unit_id = u.id and o.since <= :date
                               and (o.until is null or o.until > :date)) as offered,
                       array(select x.e_service_id from exemption x
                             where x.care_unit_id = u.id and (x.until is null or x.until > :date)) as exempted
                from care_unit u
                where (u.opened_on is null or u.opened_on <= :date) and (u.closed_on is null or u.closed_on > :date)
                """);
        Map<String, Object> params = new HashMap<>();
        params.put("date", date);
        sql.append(unitConditions(filter, params));
        if (hsaId != null) {
            sql.append(" and u.hsa_id = :hsaId");
            params.put("hsaId", hsaId);
        }
        sql.append(" order by u.hsa_id");
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (ResultSet rows = NamedJdbc.query(connection, sql.toString(), params)) {
                while (rows.next()) {
                    Object[] offered = (Object[]) rows.getArray(7).getArray();
                    Object[] exempted = (Object[]) rows.getArray(8).getArray();
                    ServiceCodes codes = serviceCodes(connection, offered, exempted);
                    consumer.accept(new UnitCompliance.UnitRow(
                            rows.getString(1),
                            rows.getString(2),
                            UnitType.valueOf(rows.getString(3)),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            codes.of(offered),
                            codes.of(exempted)));
                }
            }
        });
    }

    /** The filter's conditions on {@code care_unit u}, each starting with " and ", with their parameters. */
    static String unitConditions(CareUnitService.Filter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (filter.unitType() != null) {
            sql.append(" and u.unit_type = :unitType");
            params.put("unitType", filter.unitType().name());
        }
        if (filter.careProvider() != null) {
            sql.append(" and u.care_provider = :careProvider");
            params.put("careProvider", filter.careProvider().toUpperCase(Locale.ROOT));
        }
        if (filter.administration() != null) {
            sql.append(" and u.administration = :administration");
            params.put("administration", filter.administration());
        }
        if (filter.municipality() != null) {
            sql.append(" and u.municipality = :municipality");
            params.put("municipality", filter.municipality());
        }
        return sql.toString();
    }

    /**
     * The catalogue's codes by id. Codes and ids never change, so the map is read once and again only
     * when an id it does not know turns up (an e-service added since).
     */
    private ServiceCodes serviceCodes(Connection connection, Object[]... ids) throws SQLException {
        ServiceCodes codes = serviceCodes;
        if (codes != null && codes.knowsAll(ids)) {
            return codes;
        }
        codes = new ServiceCodes();
        try (ResultSet rows =
                NamedJdbc.query(connection, "select id, code from e_service order by code collate \"C\"", Map.of())) {
            while (rows.next()) {
                codes.add(rows.getLong(1), rows.getString(2));
            }
        }
        serviceCodes = codes;
        return codes;
    }

    /** The codes by id, ranked in Java's (and collation C's) order: a few hundred at most. */
    private static final class ServiceCodes {
        private final Map<Long, Integer> rankById = new HashMap<>();
        private final List<String> byRank = new ArrayList<>();

        void add(long id, String code) {
            rankById.put(id, byRank.size());
            byRank.add(code);
        }

        boolean knowsAll(Object[]... lists) {
            for (Object[] list : lists) {
                for (Object id : list) {
                    if (!rankById.containsKey(((Number) id).longValue())) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Ids as their codes, in code order; the code strings are shared, so 50,000 units hold 40 of them. */
        Set<String> of(Object[] ids) {
            int[] ranks = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                ranks[i] = rankById.get(((Number) ids[i]).longValue());
            }
            Arrays.sort(ranks);
            Set<String> codes = new LinkedHashSet<>(ids.length * 2);
            for (int rank : ranks) {
                codes.add(byRank.get(rank));
            }
            return codes;
        }
    }
}
