package se.basutbud.contactcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Loads asked for at the same moment are done together. A caller queues its key; whoever finds a load slot
 * free takes every key queued so far (up to {@code maxBatch}) and loads them in one go for all their
 * callers, who wait for it. When every card read misses memory (right after a bulk load, say), one set-based
 * read for dozens of readers costs little more than one for a single reader, where one transaction each made
 * the readers queue for connections.
 *
 * <p>A loader stops when its own key is done, so no caller serves the others for long: when it gives its slot
 * back it wakes the first caller still queued, who loads next. No key is left waiting: a caller that found no
 * slot free had queued its key before, so the loader that held the slot wakes it or one before it.
 */
final class BatchedLoads<K, V> {

    private final Function<List<K>, Map<K, V>> loadAll;
    private final int maxBatch;
    private final Semaphore slots;
    private final ConcurrentLinkedQueue<Pending<K, V>> queue = new ConcurrentLinkedQueue<>();

    private record Pending<K, V>(K key, CompletableFuture<V> result, Thread caller) {}

    private static final long SAFETY_WAKE_NANOS = 100_000_000L;

    /**
     * @param loadAll loads the keys, answering for each of them (a missing answer is null)
     * @param maxBatch the most keys one load takes
     * @param concurrentLoads how many loads may run at once
     */
    BatchedLoads(Function<List<K>, Map<K, V>> loadAll, int maxBatch, int concurrentLoads) {
        this.loadAll = loadAll;
        this.maxBatch = maxBatch;
        this.slots = new Semaphore(concurrentLoads);
    }

    /** The key's value, loaded with whatever else was asked for meanwhile; a failed load fails each of its callers. */
    V load(K key) {
        Pending<K, V> mine = new Pending<>(key, new CompletableFuture<>(), Thread.currentThread());
        queue.add(mine);
        while (!mine.result().isDone()) {
            if (slots.tryAcquire()) {
                try {
                    loadQueued();
                } finally {
                    slots.release();
                    wakeFirstQueued();
                }
            } else {
                // Woken by a loader that finished, with this key loaded or this caller first in the queue; the
                // limit only makes sure that a caller never sleeps for good whatever went wrong elsewhere.
                LockSupport.parkNanos(this, SAFETY_WAKE_NANOS);
                if (Thread.interrupted()) {
                    // Gone from the queue, and the wake-up it may have had passed on.
                    queue.remove(mine);
                    wakeFirstQueued();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for a load");
                }
            }
        }
        try {
            return mine.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a load", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void wakeFirstQueued() {
        Pending<K, V> first = queue.peek();
        if (first != null) {
            LockSupport.unpark(first.caller());
        }
    }

    /** One load of up to {@code maxBatch} queued keys (none if another loader took them first). */
    private void loadQueued() {
        List<Pending<K, V>> batch = new ArrayList<>();
        try {
            Pending<K, V> next;
            while (batch.size() < maxBatch && (next = queue.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            Map<K, V> loaded =
                    loadAll.apply(batch.stream().map(Pending::key).distinct().toList());
            for (Pending<K, V> pending : batch) {
                pending.result().complete(loaded.get(pending.key()));
            }
        } catch (Throwable e) {
            // Every caller taken hears of the failure (an Error too): none is left waiting.
            for (Pending<K, V> pending : batch) {
                pending.result().completeExceptionally(e);
            }
        } finally {
            for (Pending<K, V> pending : batch) {
                LockSupport.unpark(pending.caller());
            }
        }
    }
}
