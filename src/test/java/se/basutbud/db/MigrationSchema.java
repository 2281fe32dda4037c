package se.basutbud.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * A schema of a migration test's own, where the migrations run up to a version, old data is stored as an
 * older version would have, and the rest run; dropped after the test.
 */
final class MigrationSchema {

    private final DataSource dataSource;
    private final String schema;

    MigrationSchema(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** Runs the migrations up to and including {@code version}. */
    void migrateTo(String version) {
        flyway(version).migrate();
    }

    /** Runs every migration not yet run. */
    void migrate() {
        flyway(null).migrate();
    }

    void drop() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}
