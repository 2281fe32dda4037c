package se.basutbud.contactcard;

import java.time.LocalDate;
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
                cache.get(id, cached -> cached.on(today) != null, () -> QuarkusTransaction.requiringNew()
                        .call(() -> load(id, today)));
        CompressedCard card = versions.on(today);
        return card.isNone() ? Optional.empty() : Optional.of(card);
    }

    /** The stored card and the one prepared after it, if either is right today; else one computed now. */
    private CardVersions load(String id, LocalDate today) {
        Optional<ContactCardStore.StoredCard> stored = store.find(id);
        if (stored.isPresent()) {
            ContactCardStore.StoredCard next = stored.get().next();
            CardVersions versions = new CardVersions(compressed(stored.get()), next == null ? null : compressed(next));
            if (versions.on(today) != null) {
                return versions;
            }
        }
        return new CardVersions(refresher.onRead(id, today, stored), null);
    }

    private static CompressedCard compressed(ContactCardStore.StoredCard stored) {
        return stored.removed()
                ? CompressedCard.none(stored.validFrom(), stored.validUntil())
                : CompressedCard.of(stored.body(), stored.contentHash(), stored.validFrom(), stored.validUntil());
    }

    /** One page of the sync feed as JSON (see {@link CardFeedService#page}). */
    public String feed(String after, int size) {
        return feed.page(after, size);
    }
}
