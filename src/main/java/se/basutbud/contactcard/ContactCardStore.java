package se.basutbud.contactcard;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.Session;

import se.basutbud.db.NamedJdbc;

/** The stored cards: native SQL, because the feed's order and horizon rest on PostgreSQL transaction ids. */
@ApplicationScoped
class ContactCardStore {

    /** Advisory lock: refreshing one unit's card takes it shared, refreshing every card exclusively. */
    static final long REFRESH_LOCK = 0x6B6F6E74616B74L;

    /**
     * The feed's horizon: the oldest transaction that was running when this statement's snapshot was taken,
     * leaving out those known to run in another database of the server (another application, a bulk load, an
     * idle psql), which can never change a card here; a backend whose database is not known yet counts as
     * this database's. A transaction that ended since the snapshot is not in
     * pg_stat_activity and counts, which only holds the feed back a moment. Without any, the next id to be
     * given. pg_stat_activity has 32-bit ids, the snapshot 64-bit ones: they are compared by the low 32 bits,
     * which are unique among running transactions.
     */
    private static final String HORIZON = """
            (select coalesce(min(running), pg_snapshot_xmax(pg_current_snapshot()))
             from pg_snapshot_xip(pg_current_snapshot()) as running
             where running::text::bigint % 4294967296 not in (
                 select backend_xid::text::bigint from pg_stat_activity
                 where backend_xid is not null and datname <> current_database()))""";

    private final EntityManager entityManager;

    ContactCardStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    record StoredState(
            String contentHash, String inputsHash, boolean removed, LocalDate validFrom, LocalDate validUntil) {

        /** Whether it is stored as right from {@code from} until {@code until} (each null for no bound). */
        boolean rightBetween(LocalDate from, LocalDate until) {
            return Objects.equals(validFrom, from) && Objects.equals(validUntil, until);
        }
    }

    /**
     * A stored card as a replica holds it (deflated, or the mark that its unit has none), with its content hash
     * and the one prepared for the day it expires, if there is one ({@code next}, itself without a next).
     * {@code inputsHash}: the hash of what it was made from ({@link se.basutbud.unitsondate.CardInputs}), null
     * if not known.
     */
    record StoredCard(CompressedCard card, String contentHash, String inputsHash, StoredCard next) {

        boolean removed() {
            return card.isNone();
        }

        /** Whether it, or the one prepared after it, is right on the day (as {@link CardVersions#on}). */
        boolean rightOn(LocalDate day) {
            return card.validOn(day) || (next != null && next.rightOn(day));
        }

        StoredCard withNext(StoredCard prepared) {
            return new StoredCard(card, contentHash, inputsHash, prepared);
        }
    }

    record FeedRow(String hsaId, String body, boolean removed, String changeXid) {}

    void lockForOneUnit() {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock_shared(:key)")
                .setParameter("key", REFRESH_LOCK)
                .getSingleResult();
    }

    void lockForAllUnits() {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(:key)")
                .setParameter("key", REFRESH_LOCK)
                .getSingleResult();
    }

    /**
     * A card to store: its JSON, the same deflated (both null for a unit with none), the hash of what it was
     * made from, and its days.
     */
    record NewCard(
            String hsaId,
            String body,
            byte[] deflated,
            String contentHash,
            String inputsHash,
            LocalDate validFrom,
            LocalDate validUntil) {}

    /** The days a card (or its removal) is right on, and the hash of what it is made from then (null if none). */
    record Validity(String hsaId, LocalDate validFrom, LocalDate validUntil, String inputsHash) {}

    /**
     * Up to {@code limit} units after an HSA-id whose card is not right today: expired, or missing for a unit
     * open today (loaded past the API). The daily job's steps.
     */
    List<String> dueAfter(String hsaId, LocalDate today, int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager
                .createNativeQuery("""
                        select u.hsa_id from care_unit u left join contact_card c on c.hsa_id = u.hsa_id
                        where u.hsa_id > :after
                          and (c.valid_until <= :today or c.valid_from > :today
                               or (c.hsa_id is null and (u.opened_on is null or u.opened_on <= :today)
                                   and (u.closed_on is null or u.closed_on > :today)))
                        order by u.hsa_id limit :limit
                        """, String.class)
                .setParameter("after", hsaId)
                .setParameter("today", today)
                .setParameter("limit", limit)
                .getResultList();
        return ids;
    }

    /**
     * Locks the units' rows, in HSA-id order, as every write to a unit does first: a card computed under the
     * lock cannot be overwritten by one computed from older data, nor overwrite a newer one.
     */
    void lockUnits(List<String> hsaIds) {
        entityManager
                .createNativeQuery("select id from care_unit where hsa_id in (:ids) order by hsa_id for update")
                .setParameter("ids", hsaIds)
                .getResultList();
    }

    /** Every card that is right beyond the day becomes due on it: a revision valid from then was published. */
    void expireFrom(LocalDate day) {
        entityManager
                .createNativeQuery(
                        "update contact_card set valid_until = :day where valid_until is null or valid_until > :day")
                .setParameter("day", day)
                .executeUpdate();
        // Cards prepared for that day or later were computed without the revision.
        entityManager
                .createNativeQuery("delete from contact_card_next where valid_from >= :day")
                .setParameter("day", day)
                .executeUpdate();
        entityManager
                .createNativeQuery("update contact_card_next set valid_until = :day "
                        + "where valid_until is null or valid_until > :day")
                .setParameter("day", day)
                .executeUpdate();
    }

    /** Up to {@code limit} units after an HSA-id, in HSA-id order: the steps of a full refresh. */
    List<String> unitsAfter(String hsaId, int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager
                .createNativeQuery(
                        "select hsa_id from care_unit where hsa_id > :after order by hsa_id limit :limit", String.class)
                .setParameter("after", hsaId)
                .setParameter("limit", limit)
                .getResultList();
        return ids;
    }

    Map<String, StoredState> states(Collection<String> hsaIds) {
        Query query = entityManager
                .createNativeQuery(
                        "select hsa_id, content_hash, inputs_hash, removed, valid_from, valid_until from contact_card"
                                + " where hsa_id in (:ids)",
                        Object[].class)
                .setParameter("ids", hsaIds);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, StoredState> states = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            states.put(
                    (String) row[0],
                    new StoredState((String) row[1], (String) row[2], (Boolean) row[3], date(row[4]), date(row[5])));
        }
        return states;
    }

    /** Stores changed cards in one statement per call, each now changed by this transaction. */
    void save(List<NewCard> cards, Instant updatedAt) {
        if (cards.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into contact_card (hsa_id, body, body_deflated, content_hash, inputs_hash, removed,
                        updated_at, change_xid, valid_from, valid_until)
                    select hsa_id, body, body_deflated, content_hash, inputs_hash, false, ?, pg_current_xact_id(),
                        valid_from, valid_until
                    from unnest(?::varchar[], ?::text[], ?::bytea[], ?::varchar[], ?::varchar[], ?::date[], ?::date[])
                        as card(hsa_id, body, body_deflated, content_hash, inputs_hash, valid_from, valid_until)
                    on conflict (hsa_id) do update set body = excluded.body, body_deflated = excluded.body_deflated,
                        content_hash = excluded.content_hash, inputs_hash = excluded.inputs_hash, removed = false,
                        updated_at = excluded.updated_at,
                        change_xid = excluded.change_xid,
                        valid_from = excluded.valid_from, valid_until = excluded.valid_until
                    """)) {
                insert.setObject(1, updatedAt.atOffset(ZoneOffset.UTC));
                setCards(connection, insert, 2, cards);
                insert.executeUpdate();
            }
        });
    }

    /** Removes the cards (the units closed), each now changed by this transaction. */
    void markRemoved(List<Validity> removals, Instant at) {
        if (removals.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update contact_card c set removed = true, body = null, body_deflated = null, content_hash = null,
                        inputs_hash = null, updated_at = ?,
                        change_xid = pg_current_xact_id(), valid_from = r.valid_from, valid_until = r.valid_until
                    from unnest(?::varchar[], ?::date[], ?::date[]) as r(hsa_id, valid_from, valid_until)
                    where c.hsa_id = r.hsa_id
                    """)) {
                update.setObject(1, at.atOffset(ZoneOffset.UTC));
                setValidities(connection, update, 2, removals);
                update.executeUpdate();
            }
        });
    }

    /**
     * New validity for cards whose content stays, with the hash of what it is made from now: not a change, so
     * not in the feed.
     */
    void extendValidity(List<Validity> validities) {
        if (validities.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update contact_card c set valid_from = r.valid_from, valid_until = r.valid_until,
                        inputs_hash = r.inputs_hash
                    from unnest(?::varchar[], ?::date[], ?::date[], ?::varchar[])
                        as r(hsa_id, valid_from, valid_until, inputs_hash)
                    where c.hsa_id = r.hsa_id
                    """)) {
                setValidities(connection, update, 1, validities);
                update.setArray(4, varchars(connection, validities.stream().map(Validity::inputsHash)));
                update.executeUpdate();
            }
        });
    }

    private static void setValidities(
            java.sql.Connection connection, PreparedStatement statement, int first, List<Validity> validities)
            throws java.sql.SQLException {
        statement.setArray(first, varchars(connection, validities.stream().map(Validity::hsaId)));
        statement.setArray(first + 1, dates(connection, validities.stream().map(Validity::validFrom)));
        statement.setArray(first + 2, dates(connection, validities.stream().map(Validity::validUntil)));
    }

    /**
     * The units' stored cards, each with the one prepared after it. Two reads by primary key, not a join: on
     * the path of every card not in memory, plans that cannot go wrong after a bulk load (bench/RESULTS-notes.md).
     */
    Map<String, StoredCard> find(Collection<String> hsaIds) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, StoredCard> cards = new HashMap<>(hsaIds.size() * 2);
            List<String> expiring = new ArrayList<>();
            readStoredCards(connection, "contact_card", hsaIds, (hsaId, card) -> {
                cards.put(hsaId, card);
                if (card.card().validUntil() != null) {
                    expiring.add(hsaId);
                }
            });
            if (!expiring.isEmpty()) {
                readStoredCards(
                        connection,
                        "contact_card_next",
                        expiring,
                        (hsaId, next) -> cards.computeIfPresent(hsaId, (id, card) -> card.withNext(next)));
            }
            return cards;
        });
    }

    /** Each of the units' cards stored in the table ({@code contact_card} or {@code contact_card_next}). */
    private static void readStoredCards(
            java.sql.Connection connection,
            String table,
            Collection<String> hsaIds,
            BiConsumer<String, StoredCard> each)
            throws java.sql.SQLException {
        try (ResultSet rows = NamedJdbc.query(
                connection,
                "select hsa_id, " + STORED_CARD + " from " + table + " where hsa_id = any(:ids)",
                Map.of("ids", hsaIds))) {
            while (rows.next()) {
                each.accept(rows.getString(1), storedCard(rows));
            }
        }
    }

    /**
     * Deflates up to {@code limit} cards stored before cards were stored deflated (as {@link CompressedCard}
     * does), under their rows' locks, so no write to them can come in between; rows another replica is doing
     * are skipped. The cards done: fewer than the limit means none is left. Not a change of any card.
     */
    int deflateOlderCards(int limit) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<String> hsaIds = new ArrayList<>();
            List<byte[]> deflated = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select hsa_id, body from contact_card where body_deflated is null and body is not null
                    order by hsa_id limit ? for update skip locked
                    """)) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        hsaIds.add(rows.getString(1));
                        deflated.add(CompressedCard.deflate(rows.getBytes(2)));
                    }
                }
            }
            if (hsaIds.isEmpty()) {
                return 0;
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    update contact_card c set body_deflated = d.body_deflated
                    from unnest(?::varchar[], ?::bytea[]) as d(hsa_id, body_deflated) where c.hsa_id = d.hsa_id
                    """)) {
                update.setArray(1, connection.createArrayOf("varchar", hsaIds.toArray()));
                update.setArray(2, connection.createArrayOf("bytea", deflated.toArray(byte[][]::new)));
                update.executeUpdate();
            }
            return hsaIds.size();
        });
    }

    /**
     * Up to {@code limit} units after an HSA-id whose card, right on the day, is stored without the hash of what
     * it was made from.
     */
    List<String> unhashedAfter(String hsaId, LocalDate day, int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager
                .createNativeQuery("""
                        select hsa_id from contact_card where inputs_hash is null and not removed and hsa_id > :after
                          and (valid_from is null or valid_from <= :day) and (valid_until is null or valid_until > :day)
                        order by hsa_id limit :limit
                        """, String.class)
                .setParameter("after", hsaId)
                .setParameter("day", day)
                .setParameter("limit", limit)
                .getResultList();
        return ids;
    }

    /** A card as made now: the hash of its content and of what it was made from. */
    record MadeCard(String hsaId, String contentHash, String inputsHash) {}

    /**
     * Gives stored cards without the hash of what they were made from that hash, where the card made now is
     * the card stored (the same content hash). Not a change of any card.
     */
    void setInputsHashes(List<MadeCard> made) {
        if (made.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update contact_card c set inputs_hash = m.inputs_hash
                    from unnest(?::varchar[], ?::varchar[], ?::varchar[]) as m(hsa_id, content_hash, inputs_hash)
                    where c.hsa_id = m.hsa_id and c.content_hash = m.content_hash and c.inputs_hash is null
                    """)) {
                update.setArray(1, varchars(connection, made.stream().map(MadeCard::hsaId)));
                update.setArray(2, varchars(connection, made.stream().map(MadeCard::contentHash)));
                update.setArray(3, varchars(connection, made.stream().map(MadeCard::inputsHash)));
                update.executeUpdate();
            }
        });
    }

    /**
     * The columns of a stored card: deflated as stored, and the JSON's length (read from its TOAST pointer, not
     * decompressed); the JSON itself only for a card stored before cards were stored deflated.
     */
    private static final String STORED_CARD = "body_deflated, octet_length(body),"
            + " case when body_deflated is null then body end, content_hash, valid_from, valid_until, inputs_hash";

    private static StoredCard storedCard(ResultSet rows) throws java.sql.SQLException {
        String contentHash = rows.getString(5);
        LocalDate validFrom = rows.getObject(6, LocalDate.class);
        LocalDate validUntil = rows.getObject(7, LocalDate.class);
        if (contentHash == null) {
            return new StoredCard(CompressedCard.none(validFrom, validUntil), null, null, null);
        }
        byte[] deflated = rows.getBytes(2);
        CompressedCard card = deflated != null
                ? CompressedCard.stored(deflated, rows.getInt(3), contentHash, validFrom, validUntil)
                // The JSON's bytes as they come (UTF-8), never decoded into a string.
                : CompressedCard.of(rows.getBytes(4), contentHash, validFrom, validUntil);
        return new StoredCard(card, contentHash, rows.getString(8), null);
    }

    /**
     * Up to {@code limit} units after an HSA-id whose card expires on the day and has no card prepared for it:
     * the steps of preparing tomorrow's cards.
     */
    List<String> nextDueAfter(String hsaId, LocalDate day, int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = entityManager
                .createNativeQuery("""
                        select c.hsa_id from contact_card c
                        where c.valid_until = :day and c.hsa_id > :after
                          and not exists (select 1 from contact_card_next n
                                          where n.hsa_id = c.hsa_id and n.valid_from = :day)
                        order by c.hsa_id limit :limit
                        """, String.class)
                .setParameter("day", day)
                .setParameter("after", hsaId)
                .setParameter("limit", limit)
                .getResultList();
        return ids;
    }

    /** Stores the cards prepared for a later day (a null body: no card that day), replacing earlier ones. */
    void saveNext(List<NewCard> cards) {
        if (cards.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into contact_card_next (hsa_id, body, body_deflated, content_hash, inputs_hash, valid_from,
                        valid_until)
                    select * from unnest(
                        ?::varchar[], ?::text[], ?::bytea[], ?::varchar[], ?::varchar[], ?::date[], ?::date[])
                    on conflict (hsa_id) do update set body = excluded.body, body_deflated = excluded.body_deflated,
                        content_hash = excluded.content_hash, inputs_hash = excluded.inputs_hash,
                        valid_from = excluded.valid_from, valid_until = excluded.valid_until
                    """)) {
                setCards(connection, insert, 1, cards);
                insert.executeUpdate();
            }
        });
    }

    /**
     * Stores, for those of the units that have one, the card prepared for the day as their card (a change,
     * in the feed, only where its content differs), and forgets it; the units done. The caller holds the
     * units' row locks, so no write to them came after the preparation (a write forgets it).
     */
    Set<String> promoteNext(Collection<String> hsaIds, LocalDate day, Instant dayStart) {
        String prepared = """
                from contact_card_next n where n.hsa_id = c.hsa_id and c.hsa_id in (:ids)
                  and """ + RIGHT_ON_DAY;
        // The same content first: only its days change (not a change in the feed) ...
        entityManager
                .createNativeQuery("update contact_card c set valid_from = n.valid_from, valid_until = n.valid_until,"
                        + " inputs_hash = n.inputs_hash " + prepared
                        + " and c.content_hash is not distinct from n.content_hash")
                .setParameter("ids", hsaIds)
                .setParameter("day", day)
                .executeUpdate();
        // ... then the changed ones, each a change of this transaction.
        entityManager
                .createNativeQuery("update contact_card c set body = n.body, body_deflated = n.body_deflated,"
                        + " content_hash = n.content_hash, inputs_hash = n.inputs_hash,"
                        + " removed = n.body is null, updated_at = :dayStart, change_xid = pg_current_xact_id(),"
                        + " valid_from = n.valid_from, valid_until = n.valid_until " + prepared
                        + " and c.content_hash is distinct from n.content_hash")
                .setParameter("ids", hsaIds)
                .setParameter("day", day)
                .setParameter("dayStart", dayStart.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> done = entityManager
                .createNativeQuery(
                        "delete from contact_card_next n where n.hsa_id in (:ids) and " + RIGHT_ON_DAY
                                + " and exists (select 1 from contact_card c where c.hsa_id = n.hsa_id)"
                                + " returning n.hsa_id",
                        String.class)
                .setParameter("ids", hsaIds)
                .setParameter("day", day)
                .getResultList();
        return Set.copyOf(done);
    }

    /** A prepared card {@code n} right on {@code :day} (an open bound is a null, as in CompressedCard). */
    private static final String RIGHT_ON_DAY =
            "(n.valid_from is null or n.valid_from <= :day) and (n.valid_until is null or n.valid_until > :day)";

    /** Forgets the cards prepared for the units: a change to them, or their card stored for the day. */
    void forgetNext(Collection<String> hsaIds) {
        entityManager
                .createNativeQuery("delete from contact_card_next where hsa_id in (:ids)")
                .setParameter("ids", hsaIds)
                .executeUpdate();
    }

    /**
     * The cards as seven array parameters from {@code first} on, in the order of the unnest of {@link #save}
     * and {@link #saveNext}: HSA-ids, bodies, deflated bodies, content and inputs hashes, first and last days
     * right.
     */
    private static void setCards(
            java.sql.Connection connection, PreparedStatement statement, int first, List<NewCard> cards)
            throws java.sql.SQLException {
        statement.setArray(first, varchars(connection, cards.stream().map(NewCard::hsaId)));
        statement.setArray(
                first + 1,
                connection.createArrayOf(
                        "text", cards.stream().map(NewCard::body).toArray()));
        statement.setArray(
                first + 2,
                connection.createArrayOf(
                        "bytea", cards.stream().map(NewCard::deflated).toArray(byte[][]::new)));
        statement.setArray(first + 3, varchars(connection, cards.stream().map(NewCard::contentHash)));
        statement.setArray(first + 4, varchars(connection, cards.stream().map(NewCard::inputsHash)));
        statement.setArray(first + 5, dates(connection, cards.stream().map(NewCard::validFrom)));
        statement.setArray(first + 6, dates(connection, cards.stream().map(NewCard::validUntil)));
    }

    /** Texts, null ones included, as a PostgreSQL array parameter. */
    private static java.sql.Array varchars(java.sql.Connection connection, java.util.stream.Stream<String> texts)
            throws java.sql.SQLException {
        return connection.createArrayOf("varchar", texts.toArray());
    }

    /** Dates, null ones included, as a PostgreSQL array parameter. */
    private static java.sql.Array dates(java.sql.Connection connection, java.util.stream.Stream<LocalDate> dates)
            throws java.sql.SQLException {
        return connection.createArrayOf(
                "date", dates.map(date -> date == null ? null : date.toString()).toArray());
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    /**
     * Cards after a position in (change_xid, hsa_id) order, only below the {@link #HORIZON}: a
     * transaction that commits later than this read always has a higher id, so nothing is ever skipped.
     * Removals are left out when they happened before {@code removedSince} (the start of an initial sync:
     * that client never had those cards). The text form of the id is aliased apart, because ordering by a
     * name that is also an output column would sort by the text, and "1005" sorts before "970".
     */
    List<FeedRow> changesAfter(String changeXid, String hsaId, String removedSince, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                select c.hsa_id, c.body, c.removed, c.change_xid::text as position_xid from contact_card c
                where (c.change_xid, c.hsa_id) > (cast(:xid as xid8), :hsaId)
                  and c.change_xid < """ + HORIZON + """
                  and (not c.removed or c.change_xid >= cast(:removedSince as xid8))
                order by c.change_xid, c.hsa_id
                limit :limit
                """, Object[].class)
                .setParameter("xid", changeXid)
                .setParameter("hsaId", hsaId)
                .setParameter("removedSince", removedSince)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new FeedRow((String) r[0], (String) r[1], (Boolean) r[2], (String) r[3]))
                .toList();
    }

    /** The oldest transaction of this database still running: every change below it has committed or never will. */
    String horizon() {
        return (String)
                entityManager.createNativeQuery("select " + HORIZON + "::text").getSingleResult();
    }

    Optional<LocalDate> refreshedFor() {
        Object date = entityManager
                .createNativeQuery("select refreshed_for from contact_card_refresh")
                .getSingleResult();
        return Optional.ofNullable(date(date));
    }

    /**
     * "Every stored card is right on refreshed_for" stays true: if one of these units' cards, just stored, is
     * not right on that date (stored by a replica whose clock was still on the day before, say), the day's
     * job runs again.
     */
    void keepRefreshedForTrue(Collection<String> hsaIds) {
        entityManager.createNativeQuery("""
                        update contact_card_refresh r set refreshed_for = null
                        where r.refreshed_for is not null and exists (
                            select 1 from contact_card c where c.hsa_id in (:ids)
                              and (c.valid_from > r.refreshed_for or c.valid_until <= r.refreshed_for))
                        """).setParameter("ids", hsaIds).executeUpdate();
    }

    void markRefreshedFor(LocalDate date) {
        entityManager
                .createNativeQuery("update contact_card_refresh set refreshed_for = :date")
                .setParameter("date", date)
                .executeUpdate();
    }
}
