package se.basutbud.contactcard;

import java.nio.charset.StandardCharsets;
import java.text.CollationKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import se.basutbud.TimeSource;
import se.basutbud.baseline.BaselineDto;
import se.basutbud.baseline.BaselineService;
import se.basutbud.careunit.UnitType;
import se.basutbud.change.UnitsChanged;
import se.basutbud.unitsondate.CardInputs;
import se.basutbud.unitsondate.CardUnit;
import se.basutbud.unitsondate.UnitsOnDate;
import se.basutbud.web.EntityTags;

/**
 * Keeps the stored cards equal to what they should show. It runs inside the transaction of the change that
 * affects a card, so a card never shows a change that was rolled back and never misses one that committed;
 * a card whose content is unchanged keeps its ETag and stays out of the feed. Each card is stored with the
 * first day it may change by date alone ({@code valid_until}); the cards of a new day are computed by
 * {@link DailyCardRefresh}, and a reader who comes first computes its card itself ({@link #onRead}), so no
 * reader waits for the others.
 */
@ApplicationScoped
class ContactCardRefresher {

    private final ContactCardStore store;
    private final BaselineService baselines;
    private final UnitsOnDate units;
    /**
     * Writes a card's JSON as UTF-8 bytes the same as the text the cards were hashed from before: a character
     * beyond the Basic Multilingual Plane (an emoji in a name) written as itself, not as two escapes.
     */
    private final ObjectWriter cardWriter;

    private final TimeSource time;

    ContactCardRefresher(
            ContactCardStore store,
            BaselineService baselines,
            UnitsOnDate units,
            ObjectMapper objectMapper,
            TimeSource time) {
        this.store = store;
        this.baselines = baselines;
        this.units = units;
        this.cardWriter = objectMapper.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
        this.time = time;
    }

    void onUnitsChanged(@Observes UnitsChanged event) {
        if (event.cardsFrom() != null) {
            // Today's cards stay as they are; each is due again on that day.
            store.expireFrom(event.cardsFrom());
            return;
        }
        LocalDate today = time.today();
        if (event.allUnits()) {
            refreshAll(today);
        } else {
            store.lockForOneUnit();
            // An import may change tens of thousands of units: a chunk at a time, so memory stays flat.
            List<String> ids = new ArrayList<>(event.hsaIds());
            for (int from = 0; from < ids.size(); from += CHUNK) {
                refresh(ids.subList(from, Math.min(ids.size(), from + CHUNK)), today, time.now());
            }
        }
    }

    /**
     * The version of how a card is made from a unit's data ({@link #card}, {@link ContactCardDto}): part of the
     * hash of what each card is made from, so that cards stored by an earlier version are made again rather
     * than kept as the same. Change it whenever the same data would give a card of other bytes: a change of
     * how a card is made or written, and an upgrade of what does it (the JDK's collator, Jackson).
     */
    static final String CARD_FORMAT = "1";

    /** Units per step of a full refresh: memory stays flat however many units there are. */
    private static final int CHUNK = 1_000;

    /** Recomputes every card for a date, a chunk of units at a time; the caller's transaction commits it. */
    void refreshAll(LocalDate today) {
        store.lockForAllUnits();
        String after = "";
        List<String> chunk;
        do {
            chunk = store.unitsAfter(after, CHUNK);
            if (!chunk.isEmpty()) {
                refresh(chunk, today, time.now());
                after = chunk.get(chunk.size() - 1);
            }
        } while (chunk.size() == CHUNK);
        store.markRefreshedFor(today);
    }

    /**
     * Recomputes the units' cards for the day and stores those that changed, stamped {@code updatedAt}, and
     * every card's new validity.
     */
    void refresh(Collection<String> hsaIds, LocalDate today, Instant updatedAt) {
        Function<CardUnit, ContactCardDto> cards = cardMaker();
        Map<String, ContactCardStore.StoredState> stored = store.states(hsaIds);
        List<ContactCardStore.NewCard> changed = new ArrayList<>();
        List<ContactCardStore.Validity> removed = new ArrayList<>();
        List<ContactCardStore.Validity> extended = new ArrayList<>();
        Map<String, String> storedInputs = inputsHashes(stored, state -> state.removed() ? null : state.inputsHash());
        Collection<String> toMake = cardsToMake(hsaIds, today, storedInputs, unit -> {
            ContactCardStore.StoredState state = stored.get(unit.hsaId());
            if (!state.rightBetween(unit.validFrom(), unit.validUntil())) {
                extended.add(new ContactCardStore.Validity(
                        unit.hsaId(), unit.validFrom(), unit.validUntil(), unit.inputsHash()));
            }
        });
        for (CardUnit unit : toMake.isEmpty() ? List.<CardUnit>of() : units.forCards(toMake, today, CARD_FORMAT)) {
            ContactCardStore.StoredState state = stored.get(unit.hsaId());
            ContactCardStore.Validity validity = new ContactCardStore.Validity(
                    unit.hsaId(), unit.validFrom(), unit.validUntil(), unit.open() ? unit.inputsHash() : null);
            boolean sameValidity = state != null && state.rightBetween(unit.validFrom(), unit.validUntil());
            if (!unit.open()) {
                if (state != null && !state.removed()) {
                    removed.add(validity);
                } else if (state != null && !sameValidity) {
                    extended.add(validity);
                }
                continue;
            }
            ContactCardDto card = cards.apply(unit);
            String hash = EntityTags.sha256(json(card));
            if (state == null || state.removed() || !hash.equals(state.contentHash())) {
                changed.add(newCard(unit, json(card.withUpdatedAt(updatedAt)), hash));
            } else if (!sameValidity || !unit.inputsHash().equals(state.inputsHash())) {
                extended.add(validity);
            }
        }
        store.save(changed, updatedAt);
        store.markRemoved(removed, updatedAt);
        store.extendValidity(extended);
        // A card prepared for a later day was computed from the data as it was; prepared again if needed.
        store.forgetNext(hsaIds);
        store.keepRefreshedForTrue(hsaIds);
    }

    /**
     * Prepares the units' cards for a later day and stores them beside the current ones: the bytes the day's
     * refresh will store then (an unchanged card keeps its bytes, a changed one is stamped with the start of
     * that day), so readers can switch to them at midnight.
     */
    void prepare(Collection<String> hsaIds, LocalDate day) {
        Function<CardUnit, ContactCardDto> cards = cardMaker();
        Map<String, ContactCardStore.StoredCard> current = store.find(hsaIds);
        Instant dayStart = time.startOf(day);
        List<ContactCardStore.NewCard> prepared = new ArrayList<>();
        for (CardUnit unit : units.forCards(hsaIds, day, CARD_FORMAT)) {
            if (!unit.open()) {
                prepared.add(new ContactCardStore.NewCard(
                        unit.hsaId(), null, null, null, null, unit.validFrom(), unit.validUntil()));
                continue;
            }
            ContactCardDto card = cards.apply(unit);
            String hash = EntityTags.sha256(json(card));
            ContactCardStore.StoredCard stored = current.get(unit.hsaId());
            prepared.add(
                    unchanged(stored, hash)
                            ? new ContactCardStore.NewCard(
                                    unit.hsaId(),
                                    text(stored.card().json()),
                                    stored.card().deflatedJson(),
                                    hash,
                                    unit.inputsHash(),
                                    unit.validFrom(),
                                    unit.validUntil())
                            : newCard(unit, json(card.withUpdatedAt(dayStart)), hash));
        }
        store.saveNext(prepared);
    }

    /**
     * The units' cards for readers who find them missing or expired, computed in the readers' transaction and
     * not stored (the daily job stores them): the stored card when its content is unchanged, else the new one,
     * stamped with the start of the day, as the job stores it, so every replica serves the same bytes. An
     * HSA-id of no unit, or of one not open on the day, has {@link CompressedCard#none}.
     */
    Map<String, CompressedCard> onRead(
            Collection<String> hsaIds, LocalDate today, Map<String, ContactCardStore.StoredCard> stored) {
        lastComputedOnRead = System.nanoTime();
        return computed(hsaIds, today, stored);
    }

    /** The units' cards as made now, for those open on the day: the hashes of their content and inputs. */
    List<ContactCardStore.MadeCard> madeNow(Collection<String> hsaIds, LocalDate day) {
        Function<CardUnit, ContactCardDto> cards = cardMaker();
        List<ContactCardStore.MadeCard> made = new ArrayList<>();
        for (CardUnit unit : units.forCards(hsaIds, day, CARD_FORMAT)) {
            if (unit.open()) {
                made.add(new ContactCardStore.MadeCard(
                        unit.hsaId(), EntityTags.sha256(json(cards.apply(unit))), unit.inputsHash()));
            }
        }
        return made;
    }

    /**
     * Computes the units' cards as {@link #onRead} does, storing nothing and not counted as readers' work: the
     * path of a card computed on read, compiled before readers need it (see {@link DailyCardRefresh#warmUp}).
     */
    void warmUp(Collection<String> hsaIds, LocalDate today, Map<String, ContactCardStore.StoredCard> stored) {
        computed(hsaIds, today, stored);
    }

    private Map<String, CompressedCard> computed(
            Collection<String> hsaIds, LocalDate today, Map<String, ContactCardStore.StoredCard> stored) {
        Map<String, CompressedCard> cards = new HashMap<>(hsaIds.size() * 2);
        Map<String, String> storedInputs = inputsHashes(stored, card -> card.removed() ? null : card.inputsHash());
        Collection<String> toMake = cardsToMake(
                hsaIds,
                today,
                storedInputs,
                unit -> cards.put(
                        unit.hsaId(),
                        stored.get(unit.hsaId()).card().withValidity(unit.validFrom(), unit.validUntil())));
        Function<CardUnit, ContactCardDto> cardMaker = null;
        Instant dayStart = time.startOf(today);
        for (CardUnit unit : toMake.isEmpty() ? List.<CardUnit>of() : units.forCards(toMake, today, CARD_FORMAT)) {
            if (!unit.open()) {
                cards.put(unit.hsaId(), CompressedCard.none(unit.validFrom(), unit.validUntil()));
                continue;
            }
            if (cardMaker == null) {
                cardMaker = cardMaker();
            }
            ContactCardDto card = cardMaker.apply(unit);
            String hash = EntityTags.sha256(json(card));
            ContactCardStore.StoredCard storedCard = stored.get(unit.hsaId());
            cards.put(
                    unit.hsaId(),
                    unchanged(storedCard, hash)
                            ? storedCard.card().withValidity(unit.validFrom(), unit.validUntil())
                            : CompressedCard.of(
                                    json(card.withUpdatedAt(dayStart)), hash, unit.validFrom(), unit.validUntil()));
        }
        for (String hsaId : hsaIds) {
            cards.putIfAbsent(hsaId, CompressedCard.none(null, null));
        }
        return cards;
    }

    /** By HSA-id, the hash each stored card was made from, where it has a card and that is known. */
    private static <T> Map<String, String> inputsHashes(Map<String, T> stored, Function<T, String> inputsHash) {
        Map<String, String> hashes = new HashMap<>(stored.size() * 2);
        stored.forEach((hsaId, card) -> {
            String hash = inputsHash.apply(card);
            if (hash != null) {
                hashes.put(hsaId, hash);
            }
        });
        return hashes;
    }

    /**
     * The units whose card must be made: all but those open on the day whose stored card was made from what
     * they hash to now ({@code storedInputs}, by HSA-id: the hash each stored card was made from, where known),
     * which {@code kept} hears of with what they are now. After a bulk load every card is due and most are
     * unchanged: one statement without the services' rows tells which, and only the others are made again.
     */
    private Collection<String> cardsToMake(
            Collection<String> hsaIds, LocalDate day, Map<String, String> storedInputs, Consumer<CardInputs> kept) {
        if (storedInputs.isEmpty()) {
            return hsaIds;
        }
        List<String> toMake = new ArrayList<>();
        for (CardInputs unit : units.cardInputs(hsaIds, day, CARD_FORMAT)) {
            if (unit.open() && unit.inputsHash().equals(storedInputs.get(unit.hsaId()))) {
                kept.accept(unit);
            } else {
                toMake.add(unit.hsaId());
            }
        }
        return toMake;
    }

    /** When readers last computed cards ({@link System#nanoTime}), for the daily job to give way to them. */
    private volatile long lastComputedOnRead = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    /** Whether readers computed cards within the last {@code nanos}. */
    boolean readersComputedWithin(long nanos) {
        return System.nanoTime() - lastComputedOnRead < nanos;
    }

    /**
     * Whether the stored card shows this content: then its bytes are kept as they are (with its ETag and
     * {@code updatedAt}); a changed card is stamped with the start of the day it is for.
     */
    private static boolean unchanged(ContactCardStore.StoredCard stored, String hash) {
        return stored != null && !stored.removed() && hash.equals(stored.contentHash());
    }

    /** A card to store, from its JSON: the text, for the feed, and the same deflated, for replicas. */
    private static ContactCardStore.NewCard newCard(CardUnit unit, byte[] json, String hash) {
        return new ContactCardStore.NewCard(
                unit.hsaId(),
                text(json),
                CompressedCard.deflate(json),
                hash,
                unit.inputsHash(),
                unit.validFrom(),
                unit.validUntil());
    }

    /**
     * Makes cards in Swedish order, each under the revision in force read together with its unit's data (so a
     * card and the hash of what it is made from are of one snapshot, whatever was published meanwhile).
     */
    private Function<CardUnit, ContactCardDto> cardMaker() {
        Map<UnitType, Set<String>> noRevision = baseCodes(List.of());
        Map<CardUnit.Revision, Map<UnitType, Set<String>>> byRevision = new HashMap<>();
        return unit -> {
            Map<UnitType, Set<String>> baseCodes = unit.revision() == null
                    ? noRevision
                    : byRevision.computeIfAbsent(
                            unit.revision(),
                            revision -> baseCodes(baselines
                                    .publication(revision.id(), revision.publishedAt())
                                    .requirements()));
            return card(unit, baseCodes.get(unit.unitType()));
        };
    }

    /** The base set's codes per unit type, looked up for every offered service of every card. */
    private static Map<UnitType, Set<String>> baseCodes(List<BaselineDto.Requirement> requirements) {
        Map<UnitType, Set<String>> baseCodes = new EnumMap<>(UnitType.class);
        for (UnitType type : UnitType.values()) {
            baseCodes.put(
                    type,
                    requirements.stream()
                            .filter(r -> r.appliesTo(type))
                            .map(BaselineDto.Requirement::serviceCode)
                            .collect(Collectors.toUnmodifiableSet()));
        }
        return baseCodes;
    }

    /** A service on a card with the key it is sorted by. */
    private record SortedService(ContactCardDto.CardEService service, CollationKey nameKey) {
        /** The base set's services first, then by name in Swedish order, then by code. */
        static final Comparator<SortedService> ORDER = Comparator.comparing(
                        (SortedService s) -> !s.service().base())
                .thenComparing(SortedService::nameKey)
                .thenComparing(s -> s.service().code());
    }

    private static ContactCardDto card(CardUnit unit, Set<String> baseCodes) {
        List<SortedService> sorted = new ArrayList<>(unit.offered().size());
        for (CardUnit.OfferedService row : unit.offered()) {
            sorted.add(new SortedService(
                    new ContactCardDto.CardEService(row.code(), row.name(), row.url(), baseCodes.contains(row.code())),
                    SwedishOrder.keyOf(row.name())));
        }
        sorted.sort(SortedService.ORDER);
        return new ContactCardDto(
                unit.hsaId(),
                unit.name(),
                unit.unitType(),
                unit.municipality(),
                unit.address(),
                unit.phone(),
                unit.website(),
                sorted.stream().map(SortedService::service).toList(),
                null);
    }

    /** The card's JSON as UTF-8 bytes: what is hashed and deflated, with no string in between. */
    private byte[] json(ContactCardDto card) {
        try {
            return cardWriter.writeValueAsBytes(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A contact card could not be written as JSON", e);
        }
    }

    /** JSON bytes as the text the card tables store. */
    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
