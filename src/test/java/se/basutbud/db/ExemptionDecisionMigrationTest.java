package se.basutbud.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Exemptions written before they were management's decision were granted by whoever wrote them: the migration
 * makes them APPROVED with the reason code DECIDED, decided when they were last changed. The migrations run
 * into a schema of their own up to the one before, an exemption is stored as an old version would have, and the
 * rest run.
 */
@QuarkusTest
class ExemptionDecisionMigrationTest {

    private static final String SCHEMA = "exemption_decision_migration_test";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void dropSchema() throws SQLException {
        schema().drop();
    }

    private MigrationSchema schema() {
        return new MigrationSchema(dataSource, SCHEMA);
    }

    @Test
    void existingExemptionsBecomeApprovedDecisions() throws SQLException {
        schema().migrateTo("17");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            // Tables named with their schema: the connection goes back to the pool every other test uses.
            statement.execute("insert into " + SCHEMA + ".care_unit (hsa_id, name, unit_type, care_provider)"
                    + " values ('SE2321000065-OLD', 'Vårdcentralen Förr', 'PRIMARY_CARE', 'SE2321000065')");
            statement.execute("insert into " + SCHEMA + ".exemption (care_unit_id, e_service_id, reason, since,"
                    + " created_at, updated_at) select u.id, s.id, 'Beviljat före arbetsflödet', date '2025-01-01',"
                    + " timestamptz '2025-01-01 10:00+01', timestamptz '2025-03-01 10:00+01'"
                    + " from " + SCHEMA + ".care_unit u, " + SCHEMA + ".e_service s"
                    + " where u.hsa_id = 'SE2321000065-OLD' and s.code = 'resevaccination'");
        }
        schema().migrate();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select status, reason_code, decided_at = updated_at,"
                        + " requested_by, decided_by, decision_note from " + SCHEMA + ".exemption")) {
            rows.next();
            assertEquals("APPROVED", rows.getString(1));
            assertEquals("DECIDED", rows.getString(2));
            assertEquals(true, rows.getBoolean(3), "decided when it was last changed");
            assertNull(rows.getString(4));
            assertNull(rows.getString(5));
            assertNull(rows.getString(6));
        }
    }
}
