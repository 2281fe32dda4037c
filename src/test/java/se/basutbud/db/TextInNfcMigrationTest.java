package se.basutbud.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Text stored before writes were normalised is brought to NFC by the migration: the migrations run into a
 * schema of their own up to the one before, NFD text is stored as an old version would have, and the rest run.
 */
@QuarkusTest
class TextInNfcMigrationTest {

    private static final String SCHEMA = "nfc_migration_test";
    private static final String NFD_VAXJO = Normalizer.normalize("Växjö", Normalizer.Form.NFD);

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
    void storedTextIsNormalisedAndTheCardsAreComputedAgain() throws SQLException {
        schema().migrateTo("12");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            // Tables named with their schema: the connection goes back to the pool every other test uses.
            statement.execute("update " + SCHEMA + ".contact_card_refresh set refreshed_for = date '2026-01-01'");
            statement.execute("insert into " + SCHEMA + ".care_unit (hsa_id, name, unit_type, care_provider,"
                    + " municipality) values ('SE2321000065-NFD', 'Vårdcentralen " + NFD_VAXJO + "',"
                    + " 'PRIMARY_CARE', 'SE2321000065', '" + NFD_VAXJO + "')");
        }
        schema().migrate();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select name, municipality from " + SCHEMA + ".care_unit where hsa_id = 'SE2321000065-NFD'")) {
                rows.next();
                assertEquals("Vårdcentralen Växjö", rows.getString(1));
                assertEquals("Växjö", rows.getString(2));
                assertEquals(5, rows.getString(2).length());
            }
            try (ResultSet rows =
                    statement.executeQuery("select refreshed_for from " + SCHEMA + ".contact_card_refresh")) {
                rows.next();
                assertNull(rows.getDate(1));
            }
        }
    }
}
