package se.basutbud.contactcard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import se.basutbud.TimeSource;
import se.basutbud.careunit.HsaId;

/** A unit's contact card as served: from this replica's memory when it can be trusted, else stored. */
@ApplicationScoped
public class ContactCardService {

    private final ContactCardStore store;
    private final CardCache cache;
    private final ContactCardRefresher refresher;
    private final CardFeedService feed;
    private final TimeSource time;
    /** Cards missing from memory, read (or computed) together with the others missed at the same moment. */
    private final BatchedLoads<CardRequest, CardVersions> misses =
            new BatchedLoads<>(this::loadInOneTransaction, MISSES_PER_LOAD, CONCURRENT_LOADS);

    /** A card asked for on a day. */
    private record CardRequest(String hsaId, LocalDate day) {}

    /** Enough for every worker thread's reader at once; a few hundred cards are read in tens of milliseconds. */
    static final int MISSES_PER_LOAD = 200;
    /** One load per core (the bench's machine has two): more would only wait for each other. */
    private static final int CONCURRENT_LOADS = 2;

    ContactCardService(
            ContactCardStore store,
            CardCache cache,
            ContactCardRefresher refresher,
            CardFeedService feed,
            TimeSource time) {
        this.store = store;
        this.cache = cache;
        this.refresher = refresher;
        this.feed = feed;
        this.time = time;
    }

    /**
     * The card if this replica holds it, right for today, from memory only, so that it can be served on the
     * I/O thread; null means {@link #card} must be called on a worker thread.
     */
    public CompressedCard cachedCard(String hsaId) {
        String id = HsaId.normalize(hsaId);
        CardVersions versions = cache.peek(id);
        CompressedCard card = versions == null ? null : versions.on(time.today());
        // "No card" is answered by the resource (a problem body), from the cache too.
        return card == null || card.isNone() ? null : card;
    }

    /**
     * The card, from the database when this replica does not hold it for today; one stored for an earlier day
     * that may have changed since is computed now, without waiting for the day's cards to be stored.
     */
    public Optional<CompressedCard> card(String hsaId) {
        String id = HsaId.normalize(hsaId);
        LocalDate today = time.today();
        CardVersions versions =
                cache.get(id, cached -> cached.on(today) != null, () -> misses.load(new CardRequest(id, today)));
        CompressedCard card = versions.on(today);
        return card.isNone() ? Optional.empty() : Optional.of(card);
    }

    /** The cards asked for, each day's in one transaction (normally all are today's). */
    private Map<CardRequest, CardVersions> loadInOneTransaction(List<CardRequest> requests) {
        Map<LocalDate, List<String>> idsByDay = new HashMap<>();
        for (CardRequest request : requests) {
            idsByDay.computeIfAbsent(request.day(), day -> new ArrayList<>()).add(request.hsaId());
        }
        Map<CardRequest, CardVersions> loaded = new HashMap<>(requests.size() * 2);
        idsByDay.forEach((day, ids) -> QuarkusTransaction.requiringNew()
                .call(() -> load(ids, day))
                .forEach((id, versions) -> loaded.put(new CardRequest(id, day), versions)));
        return loaded;
    }

    /** The stored cards and the ones prepared after them, where either is right on the day; else computed now. */
    private Map<String, CardVersions> load(List<String> ids, LocalDate day) {
        Map<String, ContactCardStore.StoredCard> stored = store.find(ids);
        Map<String, CardVersions> versions = new HashMap<>(ids.size() * 2);
        List<String> notRight = new ArrayList<>();
        for (String id : ids) {
            ContactCardStore.StoredCard card = stored.get(id);
            // After a bulk load every stored card has expired and is computed again; its stored bytes are used
            // as they are when its content is unchanged.
            if (card != null && card.rightOn(day)) {
                versions.put(id, CardVersions.of(card));
            } else {
                notRight.add(id);
            }
        }
        if (!notRight.isEmpty()) {
            refresher
                    .onRead(notRight, day, stored)
                    .forEach((id, card) -> versions.put(id, new CardVersions(card, null)));
        }
        return versions;
    }

    /** One page of the sync feed as JSON (see {@link CardFeedService#page}). */
    public String feed(String after, int size) {
        return feed.page(after, size);
    }
}
