package se.basutbud.contactcard;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.farDate;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.offer;
import static se.basutbud.support.Api.publishBaseline;
import static se.basutbud.support.Api.putUnit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import se.basutbud.support.DependsOnTheDatabaseServer;
import se.basutbud.support.FixedTimeSource;

/**
 * The caches of contact cards and of one unit's compliance, as one replica among several: what another
 * replica writes reaches this one by a PostgreSQL notification at its commit. Here the other replica is
 * played by SQL on the database: a change without a notification stays unseen (proof the answer is
 * cached), the notification evicts it, and losing the notifications empties the caches.
 */
@QuarkusTest
@TestProfile(DependsOnTheDatabaseServer.Profile.class)
@DependsOnTheDatabaseServer
class ReplicaCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    LocalDate today;
    String unit;
    String code;

    @BeforeEach
    void unitWithACard() {
        today = farDate();
        FixedTimeSource.setToday(today);
        code = createService("Förnya recept");
        publishBaseline(today, Map.of(code, List.of()));
        unit = newCareProvider() + "-CACHE";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        offer(unit, code, today.minusDays(1));
        settle();
    }

    /**
     * Waits until the notifications of the writes above have reached this replica's listener (each evicts
     * once more when it arrives), without guessing a time: once the card is cached for sure, one more
     * notification is sent and awaited, and PostgreSQL delivers notifications in commit order.
     */
    private void settle() {
        String card = "/api/v1/contact-cards/" + unit;
        String marker;
        String cached;
        do {
            cached = json().get(card).then().statusCode(200).extract().header("ETag");
            marker = Long.toHexString(System.nanoTime()) + "0".repeat(48);
            sql("update contact_card set content_hash = ? where hsa_id = ?", marker, unit);
            // An eviction was still on its way if the change shows: go round again.
        } while (!cached.equals(
                json().get(card).then().statusCode(200).extract().header("ETag")));
        sql("select pg_notify('basutbud_changes', ?)", unit);
        awaitEquals(
                "\"" + marker + "\"",
                () -> json().get(card).then().statusCode(200).extract().header("ETag"));
    }

    @Test
    void aCardChangedByAnotherReplicaIsServedFromCacheUntilItsNotificationArrives() {
        String etag = json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        sql(
                // Its JSON only, as a replica running the code from before migration V19 writes it: the card's
                // deflated bytes, of the card it replaces, must not be served for it (V19's trigger).
                "update contact_card set body = replace(body, 'Förnya recept', 'Förnya recept i appen'), "
                        + "content_hash = repeat('a', 64) where hsa_id = ?",
                unit);
        assertEquals(
                etag,
                json().get("/api/v1/contact-cards/" + unit)
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag"),
                "without a notification this replica serves its cached card");

        sql("select pg_notify('basutbud_changes', ?)", unit);
        awaitEquals("\"" + "a".repeat(64) + "\"", () -> json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag"));
        json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .body("eServices[0].name", org.hamcrest.Matchers.equalTo("Förnya recept i appen"));
    }

    @Test
    void aNotificationForAllUnitsEvictsEveryCard() {
        json().get("/api/v1/contact-cards/" + unit).then().statusCode(200);
        sql("update contact_card set content_hash = repeat('b', 64) where hsa_id = ?", unit);
        sql("select pg_notify('basutbud_changes', '*')");
        awaitEquals("\"" + "b".repeat(64) + "\"", () -> json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag"));
    }

    @Inject
    CardCache cards;

    @Test
    void afterEveryCardWasEvictedAnUnchangedCardLoadedAgainSharesTheBytesHeldBeforeAndAChangedOneDoesNot() {
        String renamed = newCareProvider() + "-RENAMED";
        putUnit(renamed, "PRIMARY_CARE", Map.of());
        for (String hsaId : List.of(unit, renamed)) {
            json().get("/api/v1/contact-cards/" + hsaId).then().statusCode(200);
        }
        byte[] unchangedBefore = cards.peek(unit).current().deflatedJson();
        byte[] renamedBefore = cards.peek(renamed).current().deflatedJson();

        // A bulk load's end: every card evicted.
        sql("select pg_notify('basutbud_changes', '*')");
        awaitEquals(true, () -> cards.peek(unit) == null && cards.peek(renamed) == null);
        putUnit(renamed, "PRIMARY_CARE", Map.of("name", "Nytt namn"));

        json().get("/api/v1/contact-cards/" + unit).then().statusCode(200);
        json().get("/api/v1/contact-cards/" + renamed).then().statusCode(200).body("name", equalTo("Nytt namn"));
        assertSame(unchangedBefore, cards.peek(unit).current().deflatedJson(), "one array for the same bytes");
        assertNotSame(renamedBefore, cards.peek(renamed).current().deflatedJson());
        assertFalse(java.util.Arrays.equals(
                renamedBefore, cards.peek(renamed).current().deflatedJson()));
    }

    @Test
    void aUnitsComplianceChangedByAnotherReplicaIsServedFromCacheUntilItsNotificationArrives() {
        String path = "/api/v1/care-units/" + unit + "/compliance";
        json().get(path).then().statusCode(200).body("missing", org.hamcrest.Matchers.empty());

        // Another replica withdraws the offering today.
        sql(
                "update offering set until = ? where care_unit_id = (select id from care_unit where hsa_id = ?)",
                today,
                unit);
        json().get(path).then().statusCode(200).body("missing", org.hamcrest.Matchers.empty());

        sql("select pg_notify('basutbud_changes', ?)", unit);
        awaitEquals(List.of(code), () -> json().get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("missing"));
    }

    @Test
    void writesThroughThisReplicaAreReadBackAtOnce() {
        String path = "/api/v1/care-units/" + unit + "/compliance";
        json().get(path).then().statusCode(200).body("offered", org.hamcrest.Matchers.contains(code));
        json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .body("eServices.code", org.hamcrest.Matchers.contains(code));
        json().queryParam("on", today.toString())
                .delete("/api/v1/care-units/" + unit + "/offerings/" + code)
                .then()
                .statusCode(204);
        // No waiting: the writing replica evicts when its transaction commits.
        json().get(path).then().statusCode(200).body("missing", org.hamcrest.Matchers.contains(code));
        json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .body("eServices", org.hamcrest.Matchers.empty());
    }

    @Test
    void losingTheNotificationsEmptiesTheCaches() {
        String etag = json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        sql("update contact_card set content_hash = repeat('c', 64) where hsa_id = ?", unit);
        assertEquals(
                etag,
                json().get("/api/v1/contact-cards/" + unit).then().extract().header("ETag"));

        // The listening connection dies: a notification sent meanwhile would be lost, so nothing cached stays.
        // Only this database's listener: another service on the same server keeps its own.
        sql("select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen basutbud_changes' "
                + "and datname = current_database()");
        awaitEquals("\"" + "c".repeat(64) + "\"", () -> json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag"));
    }

    private void sql(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> void awaitEquals(T expected, Supplier<T> actual) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = actual.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = actual.get();
        }
        assertEquals(expected, last);
    }
}
