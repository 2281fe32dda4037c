package se.basutbud.compliance;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.basutbud.careunit.CareUnitService;
import se.basutbud.careunit.UnitType;

/**
 * Reads, in one statement, every unit that exists on a date (within a filter) with the e-services it
 * offers and is exempted from on that date. Set-based: no query per unit or per service.
 */
@ApplicationScoped
class ComplianceQueries {

    private final EntityManager entityManager;

    ComplianceQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    List<UnitCompliance.UnitRow> unitsOn(LocalDate date, CareUnitService.Filter filter, String hsaId) {
        StringBuilder sql = new StringBuilder("""
                select u.hsa_id, u.name, u.unit_type, u.care_provider, u.administration, u.municipality,
                       array(select s.code from offering o join e_service s on s.id = o.e_service_id
                             where o.care_unit_id = u.id and o.since <= :date
                               and (o.until is null or o.until > :date)) as offered,
                       array(select s.code from exemption x join e_service s on s.id = x.e_service_id
                             where x.care_unit_id = u.id and (x.until is null or x.until > :date)) as exempted
                from care_unit u
                where (u.opened_on is null or u.opened_on <= :date) and (u.closed_on is null or u.closed_on > :date)
                """);
        Map<String, Object> params = new HashMap<>();
        params.put("date", date);
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
        if (hsaId != null) {
            sql.append(" and u.hsa_id = :hsaId");
            params.put("hsaId", hsaId);
        }
        sql.append(" order by u.hsa_id");
        Query query = entityManager.createNativeQuery(sql.toString(), Object[].class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<UnitCompliance.UnitRow> units = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            units.add(new UnitCompliance.UnitRow((String) row[0], (String) row[1], UnitType.valueOf((String) row[2]),
                    (String) row[3], (String) row[4], (String) row[5], codes(row[6]), codes(row[7])));
        }
        return units;
    }

    private static Set<String> codes(Object array) {
        if (array == null) {
            return Set.of();
        }
        if (array instanceof String[] strings) {
            return Set.of(strings);
        }
        if (array instanceof Object[] objects) {
            Set<String> codes = new java.util.HashSet<>();
            for (Object code : objects) {
                codes.add((String) code);
            }
            return codes;
        }
        try {
            return Set.of((String[]) ((Array) array).getArray());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read e-service codes", e);
        }
    }
}
