package se.basutbud.unitsondate;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import se.basutbud.careunit.UnitFilter;
import se.basutbud.careunit.UnitType;
import se.basutbud.db.NamedJdbc;
import se.basutbud.db.OptionalConditions;

/**
 * The read model of care units on a date, for compliance and contact cards: set-based (one statement for
 * any number of units, no query per unit or per service), the date rules of {@link DateRules}, plain JDBC
 * through {@link NamedJdbc}, rows handed over as they arrive so that memory stays flat however many units
 * there are. Per unit, offerings come from an index-only scan (V10). Every method must run in a
 * transaction.
 */
@ApplicationScoped
public class UnitsOnDate {

    private static final String EPOCH = "date '1970-01-01'";

    private final EntityManager entityManager;
    private final ServiceCatalogue catalogue;

    UnitsOnDate(EntityManager entityManager, ServiceCatalogue catalogue) {
        this.entityManager = entityManager;
        this.catalogue = catalogue;
    }

    /** Every unit open on the date within the filter, in HSA-id order. */
    public void forEachOpenUnit(LocalDate date, UnitFilter filter, Consumer<UnitOnDate> consumer) {
        read(date, filter.conditions(UnitFilter.Naming.TABLE), consumer);
    }

    /** The unit if it is open on the date. */
    public List<UnitOnDate> openUnit(String hsaId, LocalDate date) {
        List<UnitOnDate> units = new ArrayList<>(1);
        read(date, new OptionalConditions().add("u.hsa_id = :hsaId", "hsaId", hsaId), units::add);
        return units;
    }

    private void read(LocalDate date, OptionalConditions conditions, Consumer<UnitOnDate> consumer) {
        String sql = """
                select u.hsa_id, u.name, u.unit_type, u.care_provider, u.administration, u.municipality,
                       array(select o.e_service_id from offering o where o.care_unit_id = u.id and %s) as offered,
                       array(select x.e_service_id from exemption x where x.care_unit_id = u.id and %s) as exempted
                from care_unit u
                where %s%s
                order by u.hsa_id
                """.formatted(
                        DateRules.offeringInForce("day", "day"),
                        DateRules.exemptionInForce("day", "day"),
                        DateRules.unitOpen("day", "day"),
                        conditions.andClauses());
        Map<String, Object> params = new HashMap<>(conditions.params());
        params.put("day", date);
        entityManager.unwrap(Session.class).doWork(connection -> {
            // One catalogue for the statement, read again only for an id it does not know: the cache may be
            // bypassed (no notifications), and a read per unit would double the statements of a report.
            ServiceCatalogue.Services services = null;
            try (ResultSet rows = NamedJdbc.query(connection, sql, params)) {
                while (rows.next()) {
                    Object[] offered = (Object[]) rows.getArray(7).getArray();
                    Object[] exempted = (Object[]) rows.getArray(8).getArray();
                    if (services == null || !services.knowsAll(offered, exempted)) {
                        services = catalogue.knowing(connection, offered, exempted);
                    }
                    consumer.accept(new UnitOnDate(
                            rows.getString(1),
                            rows.getString(2),
                            UnitType.valueOf(rows.getString(3)),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            services.codesOf(offered),
                            services.codesOf(exempted)));
                }
            }
        });
    }

    /**
     * Every unit open on some day from {@code first} to {@code last} within the filter, in HSA-id order, with
     * the periods of its offerings and exemptions that touch those days; services are ranks in {@code
     * services}, which the caller reads knowing every service its revisions require
     * ({@link ServiceCatalogue#knowingCodes}): a service added since is -1.
     */
    public void forEachUnitDuring(
            LocalDate first,
            LocalDate last,
            UnitFilter filter,
            ServiceCatalogue.Services services,
            Consumer<UnitHistory> consumer) {
        OptionalConditions conditions = filter.conditions(UnitFilter.Naming.TABLE);
        String sql = """
                select u.unit_type,
                       coalesce(u.opened_on - %1$s, %2$d), coalesce(u.closed_on - %1$s, %3$d),
                       o.services, o.since, o.until, x.services, x.since, x.until
                from care_unit u
                left join lateral (
                    select array_agg(o.e_service_id) as services, array_agg(o.since - %1$s) as since,
                           array_agg(coalesce(o.until - %1$s, %3$d)) as until
                    from offering o where o.care_unit_id = u.id and %4$s) o on true
                left join lateral (
                    select array_agg(x.e_service_id) as services, array_agg(x.since - %1$s) as since,
                           array_agg(coalesce(x.until - %1$s, %3$d)) as until
                    from exemption x where x.care_unit_id = u.id and %5$s) x on true
                where %6$s%7$s
                order by u.hsa_id
                """.formatted(
                        EPOCH,
                        UnitHistory.NO_START,
                        UnitHistory.NO_END,
                        DateRules.offeringInForce("first", "last"),
                        DateRules.exemptionInForce("first", "last"),
                        DateRules.unitOpen("first", "last"),
                        conditions.andClauses());
        Map<String, Object> params = new HashMap<>(conditions.params());
        params.put("first", first);
        params.put("last", last);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (ResultSet rows = NamedJdbc.query(connection, sql, params)) {
                while (rows.next()) {
                    consumer.accept(new UnitHistory(
                            UnitType.valueOf(rows.getString(1)),
                            rows.getInt(2),
                            rows.getInt(3),
                            ranks(services, objects(rows.getArray(4))),
                            ints(rows.getArray(5)),
                            ints(rows.getArray(6)),
                            ranks(services, objects(rows.getArray(7))),
                            ints(rows.getArray(8)),
                            ints(rows.getArray(9))));
                }
            }
        });
    }

    /**
     * The units with these HSA-ids, whether each is open on the date, the active e-services each offers
     * on it, and the days between which that does not change by date (see {@link CardUnit}). Read in the
     * caller's transaction (a card is refreshed in the writing one), so names come from the table, not from
     * the catalogue's copy.
     *
     * @param cardFormat the version of how a card is made from these, part of {@link CardUnit#inputsHash}
     */
    public List<CardUnit> forCards(Collection<String> hsaIds, LocalDate date, String cardFormat) {
        // One statement, so the services, the revision and the hash of them all are of one snapshot.
        return cardUnits(CARD_UNITS_WITH_SERVICES, hsaIds, date, cardFormat, UnitsOnDate::cardUnit);
    }

    private static CardUnit cardUnit(ResultSet rows) throws SQLException {
        Object[] codes = objects(rows.getArray(14));
        Object[] names = objects(rows.getArray(15));
        Object[] urls = objects(rows.getArray(16));
        List<CardUnit.OfferedService> offered = new ArrayList<>(codes.length);
        for (int i = 0; i < codes.length; i++) {
            offered.add(new CardUnit.OfferedService((String) codes[i], (String) names[i], (String) urls[i]));
        }
        long revisionId = rows.getLong(12);
        CardUnit.Revision revision = rows.wasNull()
                ? null
                : new CardUnit.Revision(
                        revisionId, rows.getObject(13, OffsetDateTime.class).toInstant());
        return new CardUnit(
                rows.getString(1),
                rows.getString(2),
                UnitType.valueOf(rows.getString(3)),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                rows.getBoolean(8),
                offered,
                rows.getObject(10, LocalDate.class),
                rows.getObject(9, LocalDate.class),
                revision,
                rows.getString(11));
    }

    /**
     * What {@link #forCards} tells of the units besides their services: whether each is open, its days and
     * the hash of everything its card is made from. One statement without the services' rows: after a bulk
     * load, when every card is due again and most are unchanged, this tells which ones are.
     */
    public List<CardInputs> cardInputs(Collection<String> hsaIds, LocalDate date, String cardFormat) {
        return cardUnits(
                CARD_UNITS_INPUTS,
                hsaIds,
                date,
                cardFormat,
                rows -> new CardInputs(
                        rows.getString(1),
                        rows.getBoolean(8),
                        rows.getObject(10, LocalDate.class),
                        rows.getObject(9, LocalDate.class),
                        rows.getString(11)));
    }

    /** One row of a {@link #CARD_UNITS} statement as a value. */
    private interface CardUnitRow<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** The rows of a {@link #CARD_UNITS} statement for the units on the day, in the caller's transaction. */
    private <T> List<T> cardUnits(
            String statement, Collection<String> hsaIds, LocalDate date, String cardFormat, CardUnitRow<T> row) {
        Map<String, Object> params = Map.of("ids", hsaIds, "day", date, "format", cardFormat);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<T> units = new ArrayList<>(hsaIds.size());
            try (ResultSet rows = NamedJdbc.query(connection, statement, params)) {
                while (rows.next()) {
                    units.add(row.read(rows));
                }
            }
            return units;
        });
    }

    /**
     * The units by HSA-id with what their cards show besides the services, their days (see {@link CardUnit}),
     * {@code inputs_hash} and the revision in force (its id and publication; null for none). The hash is
     * SHA-256 of the card's format and everything a card is made from on the day: the unit's fields, the
     * revision in force (a published one never changes), and the active services offered (code, name,
     * address), each value quoted so that no two inputs give the same text. Computed here only, so that it is
     * the same whichever replica or path computes it. {@code %s}: more columns, of the lateral {@code services}.
     */
    private static final String CARD_UNITS = """
            with revision as (
                select b.id, b.published_at from baseline b
                where b.status = 'PUBLISHED' and b.valid_from <= :day
                order by b.valid_from desc limit 1)
            select u.hsa_id, u.name, u.unit_type, u.municipality, u.address, u.phone, u.website, UNIT_OPEN,
                   least(
                       (select min(o.since) from offering o where o.care_unit_id = u.id and o.since > :day),
                       (select min(o.until) from offering o where o.care_unit_id = u.id and o.until > :day),
                       case when u.opened_on > :day then u.opened_on end,
                       case when u.closed_on > :day then u.closed_on end,
                       (select min(b.valid_from) from baseline b
                        where b.status = 'PUBLISHED' and b.valid_from > :day)) as valid_until,
                   greatest(
                       (select max(o.since) from offering o where o.care_unit_id = u.id and o.since <= :day),
                       (select max(o.until) from offering o where o.care_unit_id = u.id and o.until <= :day),
                       case when u.opened_on <= :day then u.opened_on end,
                       case when u.closed_on <= :day then u.closed_on end,
                       (select max(b.valid_from) from baseline b
                        where b.status = 'PUBLISHED' and b.valid_from <= :day)) as valid_from,
                   encode(sha256(convert_to(concat_ws(E'\\n',
                       quote_literal(cast(:format as text)),
                       quote_nullable(u.name), quote_nullable(u.unit_type), quote_nullable(u.municipality),
                       quote_nullable(u.address), quote_nullable(u.phone), quote_nullable(u.website),
                       quote_nullable((select r.id || '@' || extract(epoch from r.published_at) from revision r)),
                       coalesce(services.text, '')),
                       'UTF8')), 'hex') as inputs_hash,
                   (select r.id from revision r), (select r.published_at from revision r)%s
            from care_unit u
            left join lateral (
                select string_agg(concat_ws(' ', quote_literal(s.code), quote_literal(s.name), quote_nullable(o.url)),
                                  ',' order by s.code, s.name, o.url) as text,
                       array_agg(s.code order by s.code, s.name, o.url) as codes,
                       array_agg(s.name order by s.code, s.name, o.url) as names,
                       array_agg(o.url order by s.code, s.name, o.url) as urls
                from offering o join e_service s on s.id = o.e_service_id
                where o.care_unit_id = u.id and s.status = 'ACTIVE' and OFFERING_IN_FORCE) services on true
            where u.hsa_id = any(:ids)
            """.replace("UNIT_OPEN", DateRules.unitOpen("day", "day"))
            .replace("OFFERING_IN_FORCE", DateRules.offeringInForce("day", "day"));

    /** {@link #CARD_UNITS} with the services' columns, for a card to be made. */
    private static final String CARD_UNITS_WITH_SERVICES =
            CARD_UNITS.formatted(", services.codes, services.names, services.urls");

    /** {@link #CARD_UNITS} with no more columns: PostgreSQL leaves the services' arrays out of its plan. */
    private static final String CARD_UNITS_INPUTS = CARD_UNITS.formatted("");

    private static Object[] objects(Array array) throws SQLException {
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    private static int[] ints(Array array) throws SQLException {
        Object[] values = objects(array);
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = ((Number) values[i]).intValue();
        }
        return ints;
    }

    private static int[] ranks(ServiceCatalogue.Services services, Object[] ids) {
        int[] ranks = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ranks[i] = services.rankOf(((Number) ids[i]).longValue());
        }
        return ranks;
    }
}
