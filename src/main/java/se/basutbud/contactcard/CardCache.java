package se.basutbud.contactcard;

import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import se.basutbud.BasutbudConfig;
import se.basutbud.change.ChangeListener;
import se.basutbud.change.InvalidatingCache;

/**
 * Cards as served, by HSA-id: a card read is the 1177 page view, so most reads never reach the database.
 * HSA-ids without a card are kept as {@link CompressedCard#none} until their unit changes; Caffeine's
 * admission policy keeps a flood of random ids from pushing the real cards out.
 */
@ApplicationScoped
class CardCache {

    private final InvalidatingCache<String, CardVersions> cards;

    CardCache(ChangeListener listener, BasutbudConfig config) {
        this.cards = InvalidatingCache.byUnitKeepingRetired(
                listener, config.contactCard().cacheSize());
    }

    CardVersions peek(String hsaId) {
        return cards.peek(hsaId);
    }

    /**
     * The held versions if one is right for the day, else the loader's, sharing the bytes of the card held
     * before every card was evicted (a bulk load) where they are the same.
     */
    CardVersions get(String hsaId, Predicate<CardVersions> stillRight, Supplier<CardVersions> loader) {
        return cards.get(hsaId, stillRight, () -> {
            CardVersions loaded = loader.get();
            CardVersions former = cards.takeRetired(hsaId);
            return loaded == null || former == null ? loaded : loaded.sharingBytesOf(former);
        });
    }
}
