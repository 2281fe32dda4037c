package se.basutbud.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Receives {@link ChangeNotifier}'s notifications on one connection of its own and evicts what they name
 * from every {@link InvalidatingCache} of this replica. Notifications sent while it is not listening are
 * lost, so the caches are only used while it listens: on losing the connection they are emptied and
 * bypassed, and on listening again they start empty.
 */
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    /** How long one wait for notifications lasts: also how long stopping may take. */
    private static final int POLL_MILLIS = 500;

    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final AgroalDataSource dataSource;
    private final List<InvalidatingCache<?, ?>> caches = new CopyOnWriteArrayList<>();
    private volatile boolean listening;
    private volatile boolean stopping;
    private volatile Connection connection;
    private Thread thread;

    ChangeListener(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        thread = new Thread(this::listen, "basutbud-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        listening = false;
        if (thread != null) {
            // The connection is busy in a wait of at most POLL_MILLIS; closing it under the wait would block.
            try {
                thread.join(2L * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(connection);
    }

    /** Whether notifications reach this replica now, so that a cached answer can be trusted. */
    public boolean isListening() {
        return listening;
    }

    void register(InvalidatingCache<?, ?> cache) {
        caches.add(cache);
    }

    private void listen() {
        long backoff = 100;
        while (!stopping) {
            try (Connection listenerConnection = dataSource.getConnection()) {
                connection = listenerConnection;
                try (Statement statement = listenerConnection.createStatement()) {
                    statement.execute("listen " + ChangeNotifier.CHANNEL);
                }
                PGConnection notifications = listenerConnection.unwrap(PGConnection.class);
                // Whatever changed before the LISTEN took effect is not in the caches from here on.
                caches.forEach(InvalidatingCache::invalidateAll);
                listening = true;
                backoff = 100;
                LOG.debug("Listening for changes");
                while (!stopping) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening) {
                    LOG.warnf(
                            "Lost the change notifications (%s); caches are bypassed until they are back",
                            e.getMessage());
                }
            } finally {
                listening = false;
                connection = null;
                caches.forEach(InvalidatingCache::invalidateAll);
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    void dispatch(String payload) {
        if (ChangeNotifier.ALL_UNITS.equals(payload)) {
            caches.forEach(InvalidatingCache::invalidateAll);
        } else {
            Set<String> hsaIds = Arrays.stream(payload.split(",")).collect(Collectors.toUnmodifiableSet());
            caches.forEach(cache -> cache.invalidateUnits(hsaIds));
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing on the way out: nothing more to do.
        }
    }
}
