package se.basutbud.contactcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchedLoadsTest {

    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final List<Thread> callers = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task);
        callers.add(thread);
        return thread;
    });

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Answers each key with its upper case, after the gate opens, recording the batches. */
    private Function<List<String>, Map<String, String>> upperCase(CountDownLatch gate) {
        return keys -> {
            batches.add(keys);
            await(gate);
            return keys.stream().collect(Collectors.toMap(key -> key, String::toUpperCase));
        };
    }

    @Test
    void aLoneCallerLoadsItsOwnKey() {
        BatchedLoads<String, String> loads = new BatchedLoads<>(upperCase(new CountDownLatch(0)), 10, 1);

        assertEquals("SE1", loads.load("se1"));
        assertEquals("SE2", loads.load("se2"));
        assertEquals(List.of(List.of("se1"), List.of("se2")), batches);
    }

    @Test
    void callersWhoComeWhileALoadRunsAreLoadedTogetherInTheNext() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        BatchedLoads<String, String> loads = new BatchedLoads<>(upperCase(gate), 10, 1);
        Future<String> first = threads.submit(() -> loads.load("a"));
        awaitBatches(1);
        List<Future<String>> others = new ArrayList<>();
        for (String key : List.of("b", "c", "d", "b")) {
            others.add(threads.submit(() -> loads.load(key)));
        }
        awaitAllWaiting(5);

        gate.countDown();

        assertEquals("A", first.get(10, TimeUnit.SECONDS));
        List<String> answers = new ArrayList<>();
        for (Future<String> other : others) {
            answers.add(other.get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("B", "C", "D", "B"), answers);
        assertEquals(2, batches.size());
        assertEquals(List.of("a"), batches.get(0));
        assertEquals(List.of("b", "c", "d"), batches.get(1).stream().sorted().toList());
    }

    @Test
    void noLoadTakesMoreThanItsBatch() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        BatchedLoads<String, String> loads = new BatchedLoads<>(upperCase(gate), 2, 1);
        Future<String> first = threads.submit(() -> loads.load("a"));
        awaitBatches(1);
        List<Future<String>> others = new ArrayList<>();
        for (String key : List.of("b", "c", "d", "e", "f")) {
            others.add(threads.submit(() -> loads.load(key)));
        }
        awaitAllWaiting(6);

        gate.countDown();

        assertEquals("A", first.get(10, TimeUnit.SECONDS));
        for (int i = 0; i < others.size(); i++) {
            assertEquals(List.of("B", "C", "D", "E", "F").get(i), others.get(i).get(10, TimeUnit.SECONDS));
        }
        assertEquals(4, batches.size(), batches.toString());
        assertTrue(batches.stream().allMatch(batch -> batch.size() <= 2), batches.toString());
        assertEquals(
                List.of("a", "b", "c", "d", "e", "f"),
                batches.stream().flatMap(List::stream).sorted().toList());
    }

    @Test
    void aFailedLoadFailsEachOfItsCallersAndTheNextLoadRunsAfresh() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<String> failing = new CopyOnWriteArrayList<>(List.of("fail"));
        BatchedLoads<String, String> loads = new BatchedLoads<>(
                keys -> {
                    batches.add(keys);
                    await(gate);
                    if (keys.stream().anyMatch(failing::contains)) {
                        throw new IllegalStateException("the database is gone");
                    }
                    return Map.of();
                },
                10,
                1);
        Future<String> first = threads.submit(() -> loads.load("x"));
        awaitBatches(1);
        Future<String> failed = threads.submit(() -> loads.load("fail"));
        Future<String> sameBatch = threads.submit(() -> loads.load("y"));
        awaitAllWaiting(3);

        gate.countDown();

        assertNull(first.get(10, TimeUnit.SECONDS), "a key the load did not answer");
        for (Future<String> caller : List.of(failed, sameBatch)) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> caller.get(10, TimeUnit.SECONDS));
            assertEquals(IllegalStateException.class, failure.getCause().getClass());
            assertEquals("the database is gone", failure.getCause().getMessage());
        }
        failing.clear();
        assertNull(loads.load("y"));
        assertEquals(3, batches.size());
    }

    @Test
    void twoLoadsMayRunAtOnceWhenAllowed() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        BatchedLoads<String, String> loads = new BatchedLoads<>(upperCase(gate), 10, 2);
        Future<String> first = threads.submit(() -> loads.load("a"));
        Future<String> second = threads.submit(() -> loads.load("b"));
        awaitBatches(2);

        gate.countDown();

        assertEquals("A", first.get(10, TimeUnit.SECONDS));
        assertEquals("B", second.get(10, TimeUnit.SECONDS));
        assertEquals(Set.of(List.of("a"), List.of("b")), Set.copyOf(batches));
    }

    private void awaitBatches(int count) {
        awaitUntil(() -> batches.size() >= count);
    }

    /** Until that many callers are parked: in a load behind the gate, or waiting for one. */
    private void awaitAllWaiting(int count) {
        awaitUntil(() -> callers.stream()
                        .filter(thread -> (thread.getState() == Thread.State.WAITING
                                        || thread.getState() == Thread.State.TIMED_WAITING)
                                && isInLoad(thread))
                        .count()
                >= count);
    }

    private static boolean isInLoad(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(BatchedLoads.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch gate) {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
