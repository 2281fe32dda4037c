package se.basutbud.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Tells every replica what changed: a PostgreSQL notification sent in the writing transaction, so it is
 * delivered when, and only if, the change commits. {@link ChangeListener} receives it on every replica.
 * This replica also evicts at once when the transaction commits, so that whoever wrote reads what they
 * wrote here, not a cached answer from before, while the notification is still on its way.
 */
@ApplicationScoped
public class ChangeNotifier {

    static final String CHANNEL = "basutbud_changes";
    /** The payload for "any unit may have changed". */
    static final String ALL_UNITS = "*";
    /** PostgreSQL refuses payloads of 8000 bytes or more; a change to that many units is told as all. */
    private static final int MAX_PAYLOAD = 7000;

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final ChangeListener listener;

    ChangeNotifier(
            EntityManager entityManager, TransactionSynchronizationRegistry transactions, ChangeListener listener) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.listener = listener;
    }

    void onUnitsChanged(@Observes UnitsChanged event) {
        send(event);
    }

    /** For a change made outside an event, e.g. the daily card refresh, which must not run its observers again. */
    public void send(UnitsChanged event) {
        String joined = event.allUnits() ? ALL_UNITS : String.join(",", event.hsaIds());
        String payload = joined.length() > MAX_PAYLOAD ? ALL_UNITS : joined;
        entityManager
                .createNativeQuery("select pg_notify(:channel, :payload)")
                .setParameter("channel", CHANNEL)
                .setParameter("payload", payload)
                .getSingleResult();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do until the outcome is known.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    listener.dispatch(payload);
                }
            }
        });
    }
}
