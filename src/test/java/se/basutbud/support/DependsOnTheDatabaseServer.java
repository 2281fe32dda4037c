package se.basutbud.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test whose behaviour depends on the database server itself (notifications, locks, transaction
 * horizons, outages, set-based reads), not only on the schema. Such a test also carries
 * {@code @TestProfile(DependsOnTheDatabaseServer.Profile.class)} (or a profile of its own that honours
 * {@link #URL_VARIABLE}): when {@value #URL_VARIABLE} names a database on a standalone PostgreSQL server,
 * as CI's does, these tests run against it, in the same build as the others, which use the embedded one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(DependsOnTheDatabaseServer.TAG)
public @interface DependsOnTheDatabaseServer {

    String TAG = "database-server";
    /** A JDBC URL; the user is postgres, unless BASUTBUD_TEST_DATABASE_SERVER_USER says otherwise. */
    String URL_VARIABLE = "BASUTBUD_TEST_DATABASE_SERVER";

    class Profile implements QuarkusTestProfile {

        /** The standalone server's settings, if one is named; none (the embedded server) otherwise. */
        public static Map<String, String> settings(String url) {
            String user = System.getenv().getOrDefault("BASUTBUD_TEST_DATABASE_SERVER_USER", "postgres");
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", user,
                    "quarkus.datasource.password",
                            System.getenv().getOrDefault("BASUTBUD_TEST_DATABASE_SERVER_PASSWORD", user));
        }

        /** The JDBC URL of the standalone server's database, or null for the embedded one. */
        public static String serverUrl() {
            String url = System.getenv(URL_VARIABLE);
            return url == null || url.isBlank() ? null : url.strip();
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            String url = serverUrl();
            return url == null ? Map.of() : settings(url);
        }
    }
}
