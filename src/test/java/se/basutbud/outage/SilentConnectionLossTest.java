package se.basutbud.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.farDate;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.offer;
import static se.basutbud.support.Api.publishBaseline;
import static se.basutbud.support.Api.putUnit;
import static se.basutbud.support.Api.request;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import se.basutbud.change.ChangeListener;
import se.basutbud.support.DependsOnTheDatabaseServer;
import se.basutbud.support.FixedTimeSource;

/**
 * The connection that carries this replica's change notifications dies silently (the proxy stops
 * forwarding its bytes and closes nothing, as a firewall that forgets a connection), while another replica,
 * played by SQL straight on the database, changes a card: this replica must show the change within 20 s.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindAProxy.class)
@DependsOnTheDatabaseServer
class SilentConnectionLossTest {

    @Inject
    ChangeListener listener;

    @Test
    void aReplicaWhoseNotificationsStopSilentlyShowsAnotherReplicasChangeWithinTwentySeconds() {
        LocalDate today = farDate();
        FixedTimeSource.setToday(today);
        String code = createService("Förnya recept");
        publishBaseline(today, Map.of(code, List.of()));
        String unit = newCareProvider() + "-SILENT";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        offer(unit, code, today.minusDays(1));
        await(listener::isListening, Duration.ofSeconds(10), "the listener listens");

        // Once a notification sent now has evicted the card, every earlier one has arrived (PostgreSQL sends
        // them in commit order), and the card this replica reads next stays in its cache.
        String before = hash('1');
        anotherReplica("update contact_card set content_hash = ? where hsa_id = ?", before, unit);
        anotherReplica("select pg_notify('basutbud_changes', ?)", unit);
        await(() -> etag(unit).equals("\"" + before + "\""), Duration.ofSeconds(10), "the card is read again");

        proxy().silenceOpenConnections();
        long lost = System.nanoTime();
        String after = hash('2');
        anotherReplica("update contact_card set content_hash = ? where hsa_id = ?", after, unit);
        anotherReplica("select pg_notify('basutbud_changes', ?)", unit);
        assertEquals("\"" + before + "\"", etag(unit), "the notification was lost: the cached card is served");

        await(() -> etag(unit).equals("\"" + after + "\""), Duration.ofSeconds(20), "the change shows");
        Duration shown = Duration.ofNanos(System.nanoTime() - lost);
        assertTrue(shown.compareTo(Duration.ofSeconds(20)) < 0, "shown after " + shown);
        // New connections pass the proxy: the replica listens again, its caches in use again.
        await(listener::isListening, Duration.ofSeconds(20), "the listener listens again");
    }

    private static TcpProxy proxy() {
        return DatabaseOutageTest.proxy;
    }

    private static String hash(char digit) {
        return Long.toHexString(System.nanoTime()) + String.valueOf(digit).repeat(40);
    }

    private static String etag(String unit) {
        return request()
                .get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static void anotherReplica(String sql, Object... parameters) {
        var config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                        DatabaseOutageTest.directUrl,
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getOptionalValue("quarkus.datasource.password", String.class)
                                .orElse(""));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + within + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
