package se.basutbud.db.local;

import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.LaunchMode;

/**
 * Gives dev mode and tests a real PostgreSQL without any set-up: when no datasource URL is configured
 * (for example through {@code QUARKUS_DATASOURCE_JDBC_URL}), it starts an embedded PostgreSQL whose
 * binaries come from Maven. The embedded server is a {@code provided} dependency, so the packaged
 * application never contains it, and in production this source answers nothing.
 */
public class LocalPostgresConfigSource implements ConfigSource {

    static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!URL.equals(propertyName)) {
            return null;
        }
        if (!isLocalLaunch()
                || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null
                || System.getProperty(URL) != null) {
            return null;
        }
        return LocalPostgres.jdbcUrl();
    }

    private static boolean isLocalLaunch() {
        LaunchMode mode = LaunchMode.current();
        return mode == LaunchMode.DEVELOPMENT || mode == LaunchMode.TEST;
    }

    @Override
    public int getOrdinal() {
        // Below application.properties (250) and environment variables (300): explicit settings win.
        return 200;
    }

    @Override
    public String getName() {
        return "local-embedded-postgresql";
    }
}
