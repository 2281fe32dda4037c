package se.basutbud.db.local;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM for dev mode and tests. Its address is kept in system properties
 * because dev mode reloads the application in new class loaders while the server keeps running.
 */
public final class LocalPostgres {

    private static final String PORT_PROPERTY = "se.basutbud.local-postgres.port";

    private LocalPostgres() {}

    /** The JDBC URL of the server, started on first use; its superuser is postgres (see application.properties). */
    public static synchronized String jdbcUrl() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            port = Integer.toString(start());
            System.setProperty(PORT_PROPERTY, port);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static int start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("timezone", "UTC")
                    .start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    postgres.close();
                                } catch (IOException e) {
                                    // The JVM is exiting; the temporary data directory is removed by the OS eventually.
                                }
                            },
                            "local-postgres-stop"));
            return postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for dev mode or tests", e);
        }
    }
}
