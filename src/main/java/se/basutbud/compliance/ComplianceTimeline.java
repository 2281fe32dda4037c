package se.basutbud.compliance;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import se.basutbud.baseline.BaselineDto;
import se.basutbud.careunit.CareUnitService;
import se.basutbud.careunit.UnitType;

/**
 * Compliance summaries on many dates at once, for the trend. One statement reads every unit that was open
 * at some point of the period, with its offering and exemption periods packed into arrays (an index-only
 * scan per unit, as for the report); each unit is scored on every date as it arrives and then let go of,
 * so memory does not grow with the country. Scoring uses bit masks over the revision's requirement
 * positions: the rule of {@link UnitCompliance} on sets. The test suite checks every point against the
 * report of its date.
 */
@ApplicationScoped
class ComplianceTimeline {

    /** Days are counted from 1900-01-01 and packed in 24 bits, enough until the year 47,000. */
    private static final String DAY_ZERO = "date '1900-01-01'";

    private static final long DAY_ZERO_EPOCH_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long DAY_MASK = (1L << 24) - 1;
    /** An open end: later than any day. */
    private static final long OPEN_END = DAY_MASK;

    private final EntityManager entityManager;

    ComplianceTimeline(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A date to score and the revision to score it with; null when none was in force. */
    record Moment(LocalDate date, BaselineDto revision) {}

    /**
     * Summaries in the order of the moments; must run in a transaction. Without a revision, a summary
     * counts the units open on the date and nothing else.
     */
    List<ComplianceDtos.Summary> summaries(List<Moment> moments, CareUnitService.Filter filter) {
        if (moments.isEmpty()) {
            return List.of();
        }
        LocalDate first =
                moments.stream().map(Moment::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last =
                moments.stream().map(Moment::date).max(LocalDate::compareTo).orElseThrow();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, Integer> serviceIds = new HashMap<>();
            int maxServiceId = 0;
            try (ResultSet rows = NamedJdbc.query(connection, "select id, code from e_service", Map.of())) {
                while (rows.next()) {
                    int id = Math.toIntExact(rows.getLong(1));
                    serviceIds.put(rows.getString(2), id);
                    maxServiceId = Math.max(maxServiceId, id);
                }
            }
            List<Scorer> scorers = new ArrayList<>(moments.size());
            for (Moment moment : moments) {
                scorers.add(new Scorer(moment, serviceIds, maxServiceId));
            }
            Map<String, Object> params = new HashMap<>();
            params.put("first", first);
            params.put("last", last);
            String sql = "select u.unit_type, coalesce(u.opened_on - " + DAY_ZERO + ", " + Long.MIN_VALUE
                    + "), coalesce(u.closed_on - "
                    + DAY_ZERO + ", " + OPEN_END + "), "
                    + "array(select (o.e_service_id::bigint << 48) | (greatest(o.since - " + DAY_ZERO
                    + ", 0)::bigint << 24)"
                    + " | coalesce(o.until - " + DAY_ZERO + ", " + OPEN_END
                    + ") from offering o where o.care_unit_id = u.id"
                    + " and o.since <= :last and (o.until is null or o.until > :first)), "
                    + "array(select (x.e_service_id::bigint << 48) | coalesce(x.until - " + DAY_ZERO + ", " + OPEN_END
                    + ")"
                    + " from exemption x where x.care_unit_id = u.id and (x.until is null or x.until > :first)) "
                    + "from care_unit u where (u.opened_on is null or u.opened_on <= :last) "
                    + "and (u.closed_on is null or u.closed_on > :first)"
                    + ComplianceQueries.unitConditions(filter, params)
                    + " order by u.hsa_id";
            try (ResultSet rows = NamedJdbc.query(connection, sql, params)) {
                while (rows.next()) {
                    int type = UnitType.valueOf(rows.getString(1)).ordinal();
                    long opened = rows.getLong(2);
                    long closed = rows.getLong(3);
                    long[] offerings = longs(rows.getArray(4).getArray());
                    long[] exemptions = longs(rows.getArray(5).getArray());
                    for (Scorer scorer : scorers) {
                        scorer.add(type, opened, closed, offerings, exemptions);
                    }
                }
            }
            return scorers.stream().map(Scorer::summary).toList();
        });
    }

    private static long[] longs(Object array) {
        Object[] values = (Object[]) array;
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = ((Number) values[i]).longValue();
        }
        return longs;
    }

    /** One date's tally: units are added one by one, in the report's order, so sums add up alike. */
    private static final class Scorer {
        private final long day;
        private final BaselineDto revision;
        private final int words;
        private final long[][] applicableByType;
        private final int[] bitOfService;
        private final long[] offered;
        private final long[] exempted;
        /** Units open on the date, with or without a revision. */
        private int open;

        private final ComplianceDtos.Tally tally = new ComplianceDtos.Tally();

        Scorer(Moment moment, Map<String, Integer> serviceIds, int maxServiceId) {
            this.day = moment.date().toEpochDay() - DAY_ZERO_EPOCH_DAY;
            this.revision = moment.revision();
            // Requirement positions as bits: which apply to each unit type, and which position a service has.
            List<BaselineDto.Requirement> requirements = revision == null ? List.of() : revision.requirements();
            this.words = Math.max(1, (requirements.size() + 63) >>> 6);
            this.applicableByType = new long[UnitType.values().length][words];
            this.bitOfService = new int[maxServiceId + 1];
            Arrays.fill(bitOfService, -1);
            for (int bit = 0; bit < requirements.size(); bit++) {
                BaselineDto.Requirement requirement = requirements.get(bit);
                Integer serviceId = serviceIds.get(requirement.serviceCode());
                if (serviceId != null) {
                    bitOfService[serviceId] = bit;
                }
                for (UnitType type : UnitType.values()) {
                    if (requirement.appliesTo(type)) {
                        applicableByType[type.ordinal()][bit >>> 6] |= 1L << bit;
                    }
                }
            }
            this.offered = new long[words];
            this.exempted = new long[words];
        }

        void add(int unitType, long openedOn, long closedOn, long[] offerings, long[] exemptions) {
            if (openedOn > day || day >= closedOn) {
                return;
            }
            open++;
            if (revision == null) {
                return;
            }
            Arrays.fill(offered, 0);
            Arrays.fill(exempted, 0);
            for (long period : offerings) {
                int bit = bit(period);
                if (bit >= 0 && ((period >>> 24) & DAY_MASK) <= day && day < (period & DAY_MASK)) {
                    offered[bit >>> 6] |= 1L << bit;
                }
            }
            for (long period : exemptions) {
                int bit = bit(period);
                if (bit >= 0 && day < (period & DAY_MASK)) {
                    exempted[bit >>> 6] |= 1L << bit;
                }
            }
            long[] applicable = applicableByType[unitType];
            int required = 0;
            int offeredRequired = 0;
            for (int w = 0; w < words; w++) {
                long requiredWord = applicable[w] & ~exempted[w];
                required += Long.bitCount(requiredWord);
                offeredRequired += Long.bitCount(requiredWord & offered[w]);
            }
            tally.add(UnitCompliance.score(offeredRequired, required));
        }

        private int bit(long period) {
            int serviceId = (int) (period >>> 48);
            return serviceId < bitOfService.length ? bitOfService[serviceId] : -1;
        }

        ComplianceDtos.Summary summary() {
            return revision == null ? new ComplianceDtos.Summary(open, 0, 0, 0, null) : tally.summary();
        }
    }
}
