package se.basutbud.packaged;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import se.basutbud.common.LocalPostgres;

/**
 * The packaged service runs in production mode, where it never starts a database of its own: give it the
 * embedded one, unless QUARKUS_DATASOURCE_* variables name a server (the process inherits them).
 */
public class PackagedDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        return Map.of("quarkus.datasource.jdbc.url", LocalPostgres.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // The embedded server stops with the test JVM.
    }
}
