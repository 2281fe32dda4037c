package se.basutbud.contactcard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

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
        String after = "";
        List<String> chunk;
        do {
            String from = after;
            chunk = QuarkusTransaction.requiringNew().call(() -> {
                List<String> due = store.nextDueAfter(from, tomorrow, PREPARE_CHUNK);
                if (!due.isEmpty()) {
                    store.lockUnits(due);
                    store.lockForOneUnit();
                    refresher.prepare(due, tomorrow);
                    notifier.send(UnitsChanged.units(new java.util.HashSet<>(due)));
                }
                return due;
            });
            if (!chunk.isEmpty()) {
                after = chunk.get(chunk.size() - 1);
            }
        } while (chunk.size() == PREPARE_CHUNK);
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

    private void refreshDue(LocalDate today) {
        // What changed by date took effect at the start of the day: the stamp a reader's card has too.
        Instant dayStart = time.startOfToday();
        String after = "";
        int units = 0;
        List<String> chunk;
        do {
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
        LOG.debugf("Contact cards of %s stored: %d units due", today, units);
    }
}
