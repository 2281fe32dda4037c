package se.basutbud.compliance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import se.basutbud.baseline.BaselineDto;
import se.basutbud.careunit.CareUnitService;
import se.basutbud.careunit.UnitType;

/**
 * Compliance summaries on many dates at once, for the trend: the units, their offering periods and their
 * exemptions are read once (three statements, however many dates), and each date is then scored in
 * memory with bit masks, the rule of {@link UnitCompliance} on sets of requirement positions. The test
 * suite checks every point against the report of its date.
 */
@ApplicationScoped
class ComplianceTimeline {

    private static final int OPEN_END = Integer.MAX_VALUE;

    private final EntityManager entityManager;

    ComplianceTimeline(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A date to score and the revision to score it with; null when none was in force. */
    record Moment(LocalDate date, BaselineDto revision) {
    }

    /** Units open on the date; compliant, and the mean score, only with a revision. */
    record Summary(int units, int compliant, Double averageScore) {
    }

    /** Summaries in the order of the moments; must run in a transaction. */
    List<Summary> summaries(List<Moment> moments, CareUnitService.Filter filter) {
        if (moments.isEmpty()) {
            return List.of();
        }
        LocalDate first = moments.stream().map(Moment::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = moments.stream().map(Moment::date).max(LocalDate::compareTo).orElseThrow();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> required = new HashSet<>();
            for (Moment moment : moments) {
                if (moment.revision() != null) {
                    moment.revision().requirements().forEach(requirement -> required.add(requirement.serviceCode()));
                }
            }
            Data data = read(connection, first, last, filter, required);
            List<Summary> summaries = new ArrayList<>(moments.size());
            for (Moment moment : moments) {
                summaries.add(score(data, moment));
            }
            return summaries;
        });
    }

    /** Units in HSA-id order (the report's, so sums add up alike), with their periods grouped per unit. */
    private static final class Data {
        int units;
        int[] unitType;
        int[] openedOn;
        int[] closedOn;
        /** Offerings of unit i are at offeringStart[i] .. offeringStart[i + 1] - 1 of the arrays below. */
        int[] offeringStart;
        int[] offeringService;
        int[] offeringSince;
        int[] offeringUntil;
        int[] exemptionStart;
        int[] exemptionService;
        int[] exemptionUntil;
        Map<String, Integer> serviceIds;
        int maxServiceId;
    }

    /** Only the periods of services some revision requires are read: the others never change a score. */
    private Data read(Connection connection, LocalDate first, LocalDate last, CareUnitService.Filter filter,
            Set<String> requiredCodes) throws SQLException {
        Map<String, Object> params = new HashMap<>();
        params.put("first", first);
        params.put("last", last);
        String units = "select u.id from care_unit u where (u.opened_on is null or u.opened_on <= :last) "
                + "and (u.closed_on is null or u.closed_on > :first)" + ComplianceQueries.unitConditions(filter, params);
        Data data = new Data();
        Map<Long, Integer> indexOfUnit = new HashMap<>();
        IntList type = new IntList();
        IntList opened = new IntList();
        IntList closed = new IntList();
        try (ResultSet rows = NamedJdbc.query(connection, "select u.id, u.unit_type, coalesce(u.opened_on - date '1970-01-01', "
                + Integer.MIN_VALUE + "), coalesce(u.closed_on - date '1970-01-01', " + OPEN_END + ") from care_unit u "
                + "where u.id in (" + units + ") order by u.hsa_id", params)) {
            while (rows.next()) {
                indexOfUnit.put(rows.getLong(1), type.size());
                type.add(UnitType.valueOf(rows.getString(2)).ordinal());
                opened.add(rows.getInt(3));
                closed.add(rows.getInt(4));
            }
        }
        data.units = type.size();
        data.unitType = type.toArray();
        data.openedOn = opened.toArray();
        data.closedOn = closed.toArray();

        data.serviceIds = new HashMap<>();
        try (ResultSet rows = NamedJdbc.query(connection, "select id, code from e_service", Map.of())) {
            while (rows.next()) {
                int id = Math.toIntExact(rows.getLong(1));
                data.serviceIds.put(rows.getString(2), id);
                data.maxServiceId = Math.max(data.maxServiceId, id);
            }
        }

        StringBuilder services = new StringBuilder("0");
        for (String code : requiredCodes) {
            Integer id = data.serviceIds.get(code);
            if (id != null) {
                services.append(',').append(id);
            }
        }
        Periods offerings = new Periods(data.units);
        try (ResultSet rows = NamedJdbc.query(connection, "select o.care_unit_id, o.e_service_id, o.since - date '1970-01-01', "
                + "coalesce(o.until - date '1970-01-01', " + OPEN_END + ") from offering o "
                + "where o.care_unit_id in (" + units + ") and o.since <= :last and (o.until is null or o.until > :first) "
                + "and o.e_service_id in (" + services + ")", params)) {
            while (rows.next()) {
                offerings.add(indexOfUnit.get(rows.getLong(1)), rows.getInt(2), rows.getInt(3), rows.getInt(4));
            }
        }
        offerings.group();
        data.offeringStart = offerings.start;
        data.offeringService = offerings.service;
        data.offeringSince = offerings.since;
        data.offeringUntil = offerings.until;

        Periods exemptions = new Periods(data.units);
        try (ResultSet rows = NamedJdbc.query(connection, "select x.care_unit_id, x.e_service_id, "
                + "coalesce(x.until - date '1970-01-01', " + OPEN_END + ") from exemption x "
                + "where x.care_unit_id in (" + units + ") and (x.until is null or x.until > :first)", params)) {
            while (rows.next()) {
                exemptions.add(indexOfUnit.get(rows.getLong(1)), rows.getInt(2), Integer.MIN_VALUE, rows.getInt(3));
            }
        }
        exemptions.group();
        data.exemptionStart = exemptions.start;
        data.exemptionService = exemptions.service;
        data.exemptionUntil = exemptions.until;
        return data;
    }

    private static Summary score(Data data, Moment moment) {
        int day = Math.toIntExact(moment.date().toEpochDay());
        BaselineDto revision = moment.revision();
        if (revision == null) {
            int open = 0;
            for (int unit = 0; unit < data.units; unit++) {
                if (isOpen(data, unit, day)) {
                    open++;
                }
            }
            return new Summary(open, 0, null);
        }
        // Requirement positions as bits: which apply to each unit type, and which position a service has.
        List<BaselineDto.Requirement> requirements = revision.requirements();
        int words = (requirements.size() + 63) >>> 6;
        long[][] applicableByType = new long[UnitType.values().length][words];
        int[] bitOfService = new int[data.maxServiceId + 1];
        Arrays.fill(bitOfService, -1);
        for (int bit = 0; bit < requirements.size(); bit++) {
            BaselineDto.Requirement requirement = requirements.get(bit);
            Integer serviceId = data.serviceIds.get(requirement.serviceCode());
            if (serviceId != null) {
                bitOfService[serviceId] = bit;
            }
            for (UnitType type : UnitType.values()) {
                if (requirement.appliesTo(type)) {
                    applicableByType[type.ordinal()][bit >>> 6] |= 1L << bit;
                }
            }
        }
        long[] offered = new long[words];
        long[] exempted = new long[words];
        int open = 0;
        int compliant = 0;
        double total = 0;
        for (int unit = 0; unit < data.units; unit++) {
            if (!isOpen(data, unit, day)) {
                continue;
            }
            Arrays.fill(offered, 0);
            Arrays.fill(exempted, 0);
            for (int i = data.offeringStart[unit]; i < data.offeringStart[unit + 1]; i++) {
                int bit = bitOfService[data.offeringService[i]];
                if (bit >= 0 && data.offeringSince[i] <= day && day < data.offeringUntil[i]) {
                    offered[bit >>> 6] |= 1L << bit;
                }
            }
            for (int i = data.exemptionStart[unit]; i < data.exemptionStart[unit + 1]; i++) {
                int bit = bitOfService[data.exemptionService[i]];
                if (bit >= 0 && day < data.exemptionUntil[i]) {
                    exempted[bit >>> 6] |= 1L << bit;
                }
            }
            long[] applicable = applicableByType[data.unitType[unit]];
            int required = 0;
            int offeredRequired = 0;
            for (int w = 0; w < words; w++) {
                long requiredWord = applicable[w] & ~exempted[w];
                required += Long.bitCount(requiredWord);
                offeredRequired += Long.bitCount(requiredWord & offered[w]);
            }
            double score = UnitCompliance.score(offeredRequired, required);
            open++;
            total += score;
            if (ComplianceStatus.of(score) == ComplianceStatus.COMPLIANT) {
                compliant++;
            }
        }
        return new Summary(open, compliant, open == 0 ? null : total / open);
    }

    private static boolean isOpen(Data data, int unit, int day) {
        return data.openedOn[unit] <= day && day < data.closedOn[unit];
    }

    /** Periods (unit, service, from, until) read in any order, then grouped per unit by a counting sort. */
    private static final class Periods {
        private final IntList units = new IntList();
        private final IntList services = new IntList();
        private final IntList froms = new IntList();
        private final IntList untils = new IntList();
        private final int unitCount;
        int[] start;
        int[] service;
        int[] since;
        int[] until;

        Periods(int unitCount) {
            this.unitCount = unitCount;
        }

        void add(Integer unit, int serviceId, int from, int to) {
            if (unit == null) {
                return;
            }
            units.add(unit);
            services.add(serviceId);
            froms.add(from);
            untils.add(to);
        }

        /** Groups the periods per unit; the unsorted lists are let go of as soon as they are copied. */
        void group() {
            int count = units.size();
            start = new int[unitCount + 1];
            for (int i = 0; i < count; i++) {
                start[units.get(i) + 1]++;
            }
            for (int unit = 0; unit < unitCount; unit++) {
                start[unit + 1] += start[unit];
            }
            int[] next = Arrays.copyOf(start, unitCount);
            service = new int[count];
            since = new int[count];
            until = new int[count];
            for (int i = 0; i < count; i++) {
                int at = next[units.get(i)]++;
                service[at] = services.get(i);
                since[at] = froms.get(i);
                until[at] = untils.get(i);
            }
        }
    }

    /** A growable int array: a million periods without a million boxed integers. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
