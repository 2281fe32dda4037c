package se.basutbud.change;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Weigher;

/**
 * Answers computed from the database, kept in memory and evicted on every replica when the data of their
 * unit changes (see {@link ChangeListener}). Used only while the notifications arrive; otherwise every
 * read goes to the database. The service stays stateless: a cache is only ever a copy.
 *
 * <p>A read that started before an eviction never stores its possibly older answer: it stores only if no
 * eviction happened since it began, checked atomically with the store.
 */
public final class InvalidatingCache<K, V> {

    private final Cache<K, V> entries;
    private final Function<K, String> unitOf;
    private final boolean keyedByUnit;
    private final ChangeListener listener;
    /** Loads under way, by key: callers of the same key wait for the first one's. */
    private final ConcurrentHashMap<K, CompletableFuture<Loaded<V>>> loading = new ConcurrentHashMap<>();

    private final AtomicLong evictions = new AtomicLong();

    /** Whether the answers held when the cache is emptied as a whole are kept, see {@link #takeRetired}. */
    private final boolean keepsRetired;
    /**
     * The answers held when the cache was last emptied as a whole, if it keeps them; each taken once, and what
     * is never taken is dropped at the next such eviction, so never more than the cache held.
     */
    private volatile Map<K, V> retired = new ConcurrentHashMap<>();

    /**
     * At most {@code maximumSize} entries, under keys of any kind.
     *
     * @param unitOf the HSA-id of the unit whose data an entry shows
     */
    public InvalidatingCache(ChangeListener listener, long maximumSize, Function<K, String> unitOf) {
        this(listener, Caffeine.newBuilder().maximumSize(maximumSize).build(), unitOf, false, false);
    }

    /** Keyed by the unit's HSA-id, at most {@code maximumSize} entries: an eviction scans no other key. */
    public static <V> InvalidatingCache<String, V> byUnit(ChangeListener listener, long maximumSize) {
        return new InvalidatingCache<>(
                listener, Caffeine.newBuilder().maximumSize(maximumSize).build(), hsaId -> hsaId, true, false);
    }

    /**
     * As {@link #byUnit(ChangeListener, long)}, keeping what it held when it is emptied as a whole for {@link
     * #takeRetired}: for answers that are large, mostly unchanged after such an eviction, and held long.
     */
    public static <V> InvalidatingCache<String, V> byUnitKeepingRetired(ChangeListener listener, long maximumSize) {
        return new InvalidatingCache<>(
                listener, Caffeine.newBuilder().maximumSize(maximumSize).build(), hsaId -> hsaId, true, true);
    }

    /**
     * Keyed by the unit's HSA-id, at most {@code maximumWeight} in all, each entry weighing what {@code
     * weigher} says (its bytes, say): an eviction scans no other key.
     */
    public static <V> InvalidatingCache<String, V> byUnit(
            ChangeListener listener, long maximumWeight, Weigher<String, V> weigher) {
        return new InvalidatingCache<>(
                listener,
                Caffeine.newBuilder()
                        .maximumWeight(maximumWeight)
                        .weigher(weigher)
                        .build(),
                hsaId -> hsaId,
                true,
                false);
    }

    private InvalidatingCache(
            ChangeListener listener,
            Cache<K, V> entries,
            Function<K, String> unitOf,
            boolean keyedByUnit,
            boolean keepsRetired) {
        this.entries = entries;
        this.keepsRetired = keepsRetired;
        this.unitOf = unitOf;
        this.keyedByUnit = keyedByUnit;
        this.listener = listener;
        listener.register(this);
    }

    /** The cached answer, or the loader's; a null answer (nothing there) is not cached. */
    public V get(K key, Supplier<V> loader) {
        return get(key, cached -> true, loader);
    }

    /**
     * The cached answer if it is {@code stillCurrent} (today's, say), else the loader's, which replaces it;
     * a null answer (nothing there) is not cached. Callers asking for the same key at once share one load
     * (after midnight every reader of a card would otherwise compute it), unless the data changed while it
     * ran: then each loads again, so that no one reads an answer older than their question.
     */
    public V get(K key, Predicate<V> stillCurrent, Supplier<V> loader) {
        if (!listener.isListening()) {
            return loader.get();
        }
        V cached = entries.getIfPresent(key);
        if (cached != null && stillCurrent.test(cached)) {
            return cached;
        }
        CompletableFuture<Loaded<V>> mine = new CompletableFuture<>();
        CompletableFuture<Loaded<V>> theirs = loading.putIfAbsent(key, mine);
        if (theirs != null) {
            Loaded<V> shared = awaitShared(theirs);
            if (shared != null && shared.value() != null && evictions.get() == shared.evictionsBefore()) {
                return shared.value();
            }
            return loader.get();
        }
        try {
            long evictionsBefore = evictions.get();
            V loaded = loader.get();
            if (loaded != null) {
                entries.asMap().compute(key, (k, current) -> evictions.get() == evictionsBefore ? loaded : current);
            }
            mine.complete(new Loaded<>(loaded, evictionsBefore));
            return loaded;
        } catch (RuntimeException | Error e) {
            mine.complete(null);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    private record Loaded<V>(V value, long evictionsBefore) {}

    /** The other caller's answer, or null if it failed (this caller then loads, and meets the failure itself). */
    private static <V> Loaded<V> awaitShared(CompletableFuture<Loaded<V>> load) {
        try {
            return load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    /** The cached answer if there is one that can be trusted now, without ever touching the database. */
    public V peek(K key) {
        return listener.isListening() ? entries.getIfPresent(key) : null;
    }

    void invalidateUnits(Set<String> hsaIds) {
        evictions.incrementAndGet();
        if (keyedByUnit) {
            @SuppressWarnings("unchecked")
            Iterable<K> keys = (Iterable<K>) (Iterable<?>) hsaIds;
            entries.invalidateAll(keys);
        } else {
            entries.asMap().keySet().removeIf(key -> hsaIds.contains(unitOf.apply(key)));
        }
    }

    public void invalidateAll() {
        evictions.incrementAndGet();
        if (keepsRetired && entries.estimatedSize() > 0) {
            retired = new ConcurrentHashMap<>(entries.asMap());
        }
        entries.invalidateAll();
    }

    /**
     * The answer held for the key when the cache was last emptied as a whole (if it keeps those), removed
     * from them; null if none. Never an answer to serve: the data may have changed since. Only for a loader to
     * share memory with when its new answer is equal: after a bulk load every answer is evicted and loaded
     * again, most of them unchanged, and sharing keeps the new ones from filling the old generation of the
     * heap a second time (a full collection of the whole heap, 100-170 ms, bench/RESULTS-notes.md).
     */
    public V takeRetired(K key) {
        return retired.remove(key);
    }
}
