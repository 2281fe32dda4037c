package se.basutbud.contactcard;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import se.basutbud.careunit.HsaId;

/** A unit's contact card as served: from this replica's memory when it can be trusted, else stored. */
@ApplicationScoped
public class ContactCardService {

    private final ContactCardStore store;
    private final CardCache cache;
    private final DailyCardRefresh daily;
    private final CardFeedService feed;

    ContactCardService(ContactCardStore store, CardCache cache, DailyCardRefresh daily, CardFeedService feed) {
        this.store = store;
        this.cache = cache;
        this.daily = daily;
        this.feed = feed;
    }

    /**
     * The card if this replica holds it for today, from memory only, so that it can be served on the I/O
     * thread; null means {@link #card} must be called on a worker thread.
     */
    public CompressedCard cachedCard(String hsaId) {
        String id = HsaId.normalize(hsaId);
        CompressedCard card = daily.isKnownCurrent() ? cache.peek(id) : null;
        // "No card" is answered by the resource (a problem body), from the cache too.
        return card == CompressedCard.NONE ? null : card;
    }

    /** The card, from the database when this replica does not hold it; may wait for the daily refresh. */
    public Optional<CompressedCard> card(String hsaId) {
        String id = HsaId.normalize(hsaId);
        daily.ensureRefreshedForToday();
        CompressedCard card = cache.get(id, () -> QuarkusTransaction.requiringNew()
                .call(() -> store.find(id))
                .map(stored -> CompressedCard.of(stored.body(), stored.contentHash()))
                .orElse(CompressedCard.NONE));
        return card == CompressedCard.NONE ? Optional.empty() : Optional.of(card);
    }

    /** One page of the sync feed as JSON (see {@link CardFeedService#page}). */
    public String feed(String after, int size) {
        return feed.page(after, size);
    }
}
