package se.basutbud.contactcard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import se.basutbud.TimeSource;
import se.basutbud.change.ChangeNotifier;
import se.basutbud.change.UnitsChanged;

/**
 * Offerings, closures and revisions take effect by date, so when "today" moves on, the stored cards that
 * expired (see {@code valid_until}) are computed again and stored, and so are cards missing for units loaded
 * past the API. A scheduled check does it in the background on whichever replicas notice first, a thousand
 * units per short transaction, each under its units' row locks like any write to them; card readers never
 * wait for it (an expired card is computed on read), the feed does, so that it shows the day's cards.
 * During the day, the same check prepares tomorrow's version of the cards that expire at midnight.
 */
@ApplicationScoped
class DailyCardRefresh {

    private static final Logger LOG = Logger.getLogger(DailyCardRefresh.class);

    /** Units per transaction: each holds their rows' locks for a moment only. */
    private static final int CHUNK = 1_000;
    /** Units prepared per transaction: few enough that the notification names each (see ChangeNotifier). */
    private static final int PREPARE_CHUNK = 300;

    private final ContactCardStore store;
    private final ContactCardRefresher refresher;
    private final TimeSource time;
    private final ChangeNotifier notifier;
    /** One run per replica at a time; the feed's callers wait for the run under way. */
    private final ReentrantLock running = new ReentrantLock();

    DailyCardRefresh(ContactCardStore store, ContactCardRefresher refresher, TimeSource time, ChangeNotifier notifier) {
        this.notifier = notifier;
        this.store = store;
        this.refresher = refresher;
        this.time = time;
    }

    @Scheduled(
            identity = "daily-card-refresh",
            every = "{basutbud.contact-card.refresh-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            ensureRefreshedForToday();
            prepareTomorrow();
            deflateOlderCards();
            hashOlderCards();
            if (checks.incrementAndGet() == WARM_UP_CHECK) {
                warmUp();
            }
        } catch (RuntimeException e) {
            LOG.warnf("The daily contact card refresh failed and will be tried again: %s", e.getMessage());
        }
    }

    /**
     * Prepares tomorrow's version of every card that expires at midnight and has none yet (a write to a unit
     * forgets its prepared card), and tells every replica to read those cards again, so that each holds both
     * versions and switches at midnight without computing or reading anything.
     */
    void prepareTomorrow() {
        LocalDate tomorrow = time.today().plusDays(1);
        inLockedChunks(PREPARE_CHUNK, (after, limit) -> store.nextDueAfter(after, tomorrow, limit), due -> {
            refresher.prepare(due, tomorrow);
            notifier.send(UnitsChanged.units(new java.util.HashSet<>(due)));
        });
    }

    /**
     * Runs {@code work} on every chunk of up to {@code size} units that {@code next} finds after the last one
     * done, in HSA-id order, each in a short transaction of its own under the units' row locks and the shared
     * refresh lock, as a write to them takes them.
     */
    private void inLockedChunks(int size, BiFunction<String, Integer, List<String>> next, Consumer<List<String>> work) {
        String after = "";
        List<String> chunk;
        do {
            String from = after;
            chunk = QuarkusTransaction.requiringNew().call(() -> {
                List<String> units = next.apply(from, size);
                if (!units.isEmpty()) {
                    store.lockUnits(units);
                    store.lockForOneUnit();
                    work.accept(units);
                }
                return units;
            });
            if (!chunk.isEmpty()) {
                after = chunk.get(chunk.size() - 1);
            }
        } while (chunk.size() == size);
    }

    /**
     * Stores cards stored before cards were stored deflated (migration V19) deflated too, a chunk per short
     * transaction; once all are, one look at an empty index per check.
     */
    void deflateOlderCards() {
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> store.deflateOlderCards(CHUNK));
        } while (done == CHUNK);
    }

    /**
     * Gives the cards stored without the hash of what they were made from (before migration V20, or by a
     * replica still running the code from before it) that hash, a chunk per short transaction under the units'
     * row locks: each card right today is made again and, where it is the card stored, given the hash it was
     * made from; nothing else of it changes. A card not right today gets its hash when it is stored again, as
     * does one that differs (it should not); once all are done, one look at an empty index per check.
     */
    void hashOlderCards() {
        LocalDate today = time.today();
        inLockedChunks(
                CHUNK,
                (after, limit) -> store.unhashedAfter(after, today, limit),
                unhashed -> store.setInputsHashes(refresher.madeNow(unhashed, today)));
    }

    /**
     * Computes, storing nothing, the cards of the first {@link #WARM_UP_UNITS} units as readers do when theirs
     * expired, once, on the second check after start: a replica that started with every card stored has never
     * run that path, and had it compiled only when every reader needed it at once, after a bulk load
     * (bench/RESULTS-notes.md).
     */
    void warmUp() {
        LocalDate today = time.today();
        String after = "";
        for (int units = 0; units < WARM_UP_UNITS; units += MISSES_PER_LOAD) {
            String from = after;
            List<String> chunk = QuarkusTransaction.requiringNew().call(() -> {
                List<String> ids = store.unitsAfter(from, MISSES_PER_LOAD);
                if (!ids.isEmpty()) {
                    refresher.warmUp(ids, today, store.find(ids));
                }
                return ids;
            });
            if (chunk.size() < MISSES_PER_LOAD) {
                return;
            }
            after = chunk.get(chunk.size() - 1);
        }
    }

    /** Checks run since start, counted up to the warm-up's. */
    private final AtomicInteger checks = new AtomicInteger();
    /**
     * The warm-up runs on the second check after start, not the first: during the start the compiler's queue
     * is long, and while it is, HotSpot raises the count of calls a method needs before its optimising
     * compiler takes it, so a warm-up then left the path half compiled (bench/RESULTS-notes.md).
     */
    private static final int WARM_UP_CHECK = 2;
    /**
     * Enough for the optimising compiler to take the methods called once per card (a few thousand calls
     * each), in loads of the size readers' loads take at most: a few seconds of one core, once.
     */
    private static final int WARM_UP_UNITS = 10_000;

    private static final int MISSES_PER_LOAD = ContactCardService.MISSES_PER_LOAD;

    /** Stores today's cards if that has not been done yet, here or on another replica. */
    void ensureRefreshedForToday() {
        LocalDate today = time.today();
        running.lock();
        try {
            boolean done = QuarkusTransaction.requiringNew()
                    .call(() -> store.refreshedFor().filter(today::equals).isPresent());
            if (!done) {
                refreshDue(today);
            }
        } finally {
            running.unlock();
        }
    }

    /**
     * While this replica's readers compute their cards themselves (after a bulk load, nearly every reader),
     * the job waits before its next chunk, up to {@link #GIVE_WAY_NANOS} in all per run: it would compute the
     * same cards at the same time on the same cores, and readers come first. Meanwhile they fill the
     * replica's memory, so the job's work later meets few of them.
     */
    private long giveWayToReaders(long until) {
        long started = System.nanoTime();
        while (refresher.readersComputedWithin(READERS_QUIET_NANOS) && System.nanoTime() - until < 0) {
            LockSupport.parkNanos(READERS_QUIET_NANOS);
        }
        return System.nanoTime() - started;
    }

    /** How long the last run gave way to readers, in all: logged, and for tests. */
    private volatile Duration lastGivenWay = Duration.ZERO;

    Duration lastGivenWay() {
        return lastGivenWay;
    }

    /** How long a run of the job waits for readers at most; the feed waits for the run, so it lags that much. */
    private static final long GIVE_WAY_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Readers that computed no card for this long are done for now. */
    private static final long READERS_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private void refreshDue(LocalDate today) {
        // What changed by date took effect at the start of the day: the stamp a reader's card has too.
        Instant dayStart = time.startOfToday();
        String after = "";
        int units = 0;
        long givingWayUntil = System.nanoTime() + GIVE_WAY_NANOS;
        long givenWay = 0;
        List<String> chunk;
        do {
            givenWay += giveWayToReaders(givingWayUntil);
            String from = after;
            chunk = QuarkusTransaction.requiringNew().call(() -> {
                List<String> due = store.dueAfter(from, today, CHUNK);
                if (!due.isEmpty()) {
                    store.lockUnits(due);
                    store.lockForOneUnit();
                    // Cards prepared the day before are taken as they are; the rest are computed now.
                    Set<String> promoted = store.promoteNext(due, today, dayStart);
                    List<String> rest =
                            due.stream().filter(id -> !promoted.contains(id)).toList();
                    if (!rest.isEmpty()) {
                        refresher.refresh(rest, today, dayStart);
                    }
                }
                return due;
            });
            if (!chunk.isEmpty()) {
                after = chunk.get(chunk.size() - 1);
                units += chunk.size();
            }
        } while (chunk.size() == CHUNK);
        QuarkusTransaction.requiringNew().run(() -> store.markRefreshedFor(today));
        lastGivenWay = Duration.ofNanos(givenWay);
        LOG.debugf(
                "Contact cards of %s stored: %d units due, %d ms given way to readers",
                today, units, lastGivenWay.toMillis());
    }
}
