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
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Receives {@link ChangeNotifier}'s notifications on one connection of its own and evicts what they name
 * from every {@link InvalidatingCache} of this replica. Notifications sent while it is not listening are
 * lost, so the caches are only used while it listens: on losing the connection they are emptied and
 * bypassed, and on listening again they start empty.
 *
 * <p>A connection can also die silently (a firewall or NAT forgets it, and nothing is ever reset): waiting
 * for notifications would then go on for as long as TCP keepalive takes, hours. So every {@link
 * #HEARTBEAT_MILLIS} the listener asks the server for an answer, and one that does not come within {@link
 * #ANSWER_MILLIS} counts as a lost connection: a replica serves from its caches at most about ten seconds
 * after its notifications stopped arriving. The pool's idle connections most likely went the same way, so
 * they are closed too, rather than each making a request wait for its socket timeout.
 */
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    /** How long one wait for notifications lasts: also how long stopping may take. */
    private static final int POLL_MILLIS = 500;

    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final String LISTEN = "listen " + ChangeNotifier.CHANNEL;
    /** How often the listening connection is proven alive by a round trip. */
    static final long HEARTBEAT_MILLIS = 5_000;
    /** How long the server may take to answer the heartbeat before the connection counts as lost. */
    static final int ANSWER_MILLIS = 5_000;

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

    /**
     * Stops listening as the application begins to stop, before the datasource closes the listening connection
     * under it, which would log a connection lost at every normal stop.
     */
    void onStop(@Observes ShutdownEvent event) {
        stop();
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
            Connection listenerConnection = null;
            boolean lost = false;
            int pooledNetworkTimeout = -1;
            try {
                listenerConnection = dataSource.getConnection();
                connection = listenerConnection;
                pooledNetworkTimeout = listenerConnection.getNetworkTimeout();
                listenerConnection.setNetworkTimeout(Runnable::run, ANSWER_MILLIS);
                try (Statement statement = listenerConnection.createStatement()) {
                    statement.execute(LISTEN);
                }
                PGConnection notifications = listenerConnection.unwrap(PGConnection.class);
                // Whatever changed before the LISTEN took effect is not in the caches from here on.
                caches.forEach(InvalidatingCache::invalidateAll);
                listening = true;
                backoff = 100;
                LOG.debug("Listening for changes");
                long nextHeartbeat = System.nanoTime() + HEARTBEAT_MILLIS * 1_000_000;
                while (!stopping) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            dispatch(notification.getParameter());
                        }
                    }
                    if (System.nanoTime() - nextHeartbeat >= 0) {
                        heartbeat(listenerConnection);
                        nextHeartbeat = System.nanoTime() + HEARTBEAT_MILLIS * 1_000_000;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                lost = true;
                if (listening) {
                    LOG.warnf(
                            "Lost the change notifications (%s); caches are bypassed until they are back",
                            e.getMessage());
                }
            } finally {
                boolean wasListening = listening;
                listening = false;
                connection = null;
                caches.forEach(InvalidatingCache::invalidateAll);
                // A connection that failed is closed, not reused: the pool destroys a connection that failed with a
                // connection error (its exception sorter) rather than lending it again.
                if (pooledNetworkTimeout >= 0) {
                    restoreQuietly(listenerConnection, pooledNetworkTimeout);
                }
                closeQuietly(listenerConnection);
                if (lost && wasListening) {
                    // Lost while in use: the pool's idle connections most likely share its fate.
                    dataSource.flush(AgroalDataSource.FlushMode.IDLE);
                }
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    /**
     * A round trip that fails within {@link #ANSWER_MILLIS} (the network timeout) if nothing comes back. LISTEN
     * on a channel already listened to changes nothing, and leaves the connection recognisable in
     * {@code pg_stat_activity} by its last statement.
     */
    private static void heartbeat(Connection listenerConnection) throws SQLException {
        try (Statement statement = listenerConnection.createStatement()) {
            statement.execute(LISTEN);
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

    /** Back in the pool, the connection waits as long as any other for its answers. */
    private static void restoreQuietly(Connection connection, int networkTimeout) {
        try {
            connection.setNetworkTimeout(Runnable::run, networkTimeout);
        } catch (SQLException e) {
            // Closed next anyway.
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
