package se.basutbud.contactcard;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import se.basutbud.TimeSource;
import se.basutbud.change.ChangeNotifier;
import se.basutbud.change.UnitsChanged;

/**
 * Offerings, closures and revisions take effect by date, so when "today" moves on, every stored card is
 * recomputed once, by whichever replica comes first. A scheduled check normally does it before readers need
 * it; a reader that comes first does it itself, and the others wait for it, so no card of yesterday is
 * served as today's.
 */
@ApplicationScoped
class DailyCardRefresh {

    private static final Logger LOG = Logger.getLogger(DailyCardRefresh.class);

    private final ContactCardStore store;
    private final ContactCardRefresher refresher;
    private final ChangeNotifier notifier;
    private final TimeSource time;
    private final CardCache cards;

    /** The date this replica last saw the stored cards computed for; saves a query per read. */
    private volatile LocalDate knownRefreshedFor;

    DailyCardRefresh(
            ContactCardStore store,
            ContactCardRefresher refresher,
            ChangeNotifier notifier,
            TimeSource time,
            CardCache cards) {
        this.store = store;
        this.refresher = refresher;
        this.notifier = notifier;
        this.time = time;
        this.cards = cards;
    }

    /** Whether this replica knows the stored cards are today's, without asking the database. */
    boolean isKnownCurrent() {
        return time.today().equals(knownRefreshedFor);
    }

    @Scheduled(
            identity = "daily-card-refresh",
            every = "{basutbud.contact-card.refresh-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            ensureRefreshedForToday();
        } catch (RuntimeException e) {
            LOG.warnf("The daily contact card refresh failed and will be tried again: %s", e.getMessage());
        }
    }

    void ensureRefreshedForToday() {
        LocalDate today = time.today();
        if (today.equals(knownRefreshedFor)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (!store.refreshedFor().filter(today::equals).isPresent()) {
                store.lockForAllUnits();
                // Read again under the lock: another replica may have refreshed meanwhile.
                if (!store.refreshedFor().filter(today::equals).isPresent()) {
                    refresher.refreshAll(today);
                    notifier.send(UnitsChanged.all());
                }
            }
        });
        // This replica may hold yesterday's cards; the notification above reaches it a moment later.
        cards.invalidateAll();
        knownRefreshedFor = today;
    }
}
