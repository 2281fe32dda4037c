package se.basutbud.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test whose behaviour depends on the database server itself (notifications, locks, transaction
 * horizons, outages, set-based reads), not only on the schema. CI runs these against the machine's
 * standalone PostgreSQL server rather than the embedded one ({@code .ci/run}); the README's test command
 * runs them with every other test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(DependsOnTheDatabaseServer.TAG)
public @interface DependsOnTheDatabaseServer {
    String TAG = "database-server";
}
