package se.basutbud.contactcard;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import se.basutbud.support.DependsOnTheDatabaseServer;
import se.basutbud.support.FixedTimeSource;

/**
 * A bulk load past the API, ended as the README says (every card due, every replica told): a card is kept as
 * it was stored only while everything it is made from hashes the same, and every input of a card changed in
 * the database alone shows. Each test has a day of its own and builds its units.
 */
@QuarkusTest
@TestProfile(DependsOnTheDatabaseServer.Profile.class)
@DependsOnTheDatabaseServer
class BulkLoadCardsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CardCache cards;

    @Inject
    ContactCardStore store;

    @Inject
    ContactCardRefresher refresher;

    @Inject
    DailyCardRefresh daily;

    LocalDate today;
    String provider;
    String psychiatryBase;
    String other;

    @BeforeEach
    void ownDay() {
        today = farDate();
        FixedTimeSource.setToday(today);
        provider = newCareProvider();
        psychiatryBase = createService("Boka besök");
        other = createService("Förnya recept");
        publishBaseline(today.minusDays(30), Map.of(psychiatryBase, List.of("PSYCHIATRY")));
    }

    /** A primary care unit offering both services: its card stored by those writes, and held once read. */
    private String unitWithACard(String suffix) {
        String unit = provider + "-" + suffix;
        putUnit(unit, "PRIMARY_CARE", Map.of("phone", "0480-100 00"));
        for (String code : List.of(psychiatryBase, other)) {
            json().body(Map.of(
                            "since", today.minusDays(10).toString(), "url", "https://e-tjanster.example.se/" + suffix))
                    .put("/api/v1/care-units/" + unit + "/offerings/" + code)
                    .then()
                    .statusCode(201);
        }
        json().get("/api/v1/contact-cards/" + unit).then().statusCode(200);
        assertNotNull(inputsHash(unit), "stored with the hash of what it was made from");
        return unit;
    }

    @Test
    void everyInputOfACardChangedPastTheApiShowsAfterTheBulkLoad() {
        String unchanged = unitWithACard("SAME");
        String phone = unitWithACard("PHONE");
        String renamedService = unitWithACard("RENAMED");
        String url = unitWithACard("URL");
        String unitType = unitWithACard("TYPE");
        String ended = unitWithACard("ENDED");
        String etagBefore = etag(unchanged);
        String updatedAtBefore = updatedAt(unchanged);

        String renamedCode = createService("Läs journalen");
        offer(renamedService, renamedCode, today.minusDays(10));
        json().get("/api/v1/contact-cards/" + renamedService).then().statusCode(200);

        sql("update care_unit set phone = '0480-999 99' where hsa_id = '" + phone + "'");
        sql("update e_service set name = 'Läs din journal' where code = '" + renamedCode + "'");
        sql("update offering set url = 'https://ny.example.se/" + url + "'"
                + " where care_unit_id = (select id from care_unit where hsa_id = '" + url + "')"
                + " and e_service_id = (select id from e_service where code = '" + other + "')");
        sql("update care_unit set unit_type = 'PSYCHIATRY' where hsa_id = '" + unitType + "'");
        sql("update offering set until = '" + today + "'"
                + " where care_unit_id = (select id from care_unit where hsa_id = '" + ended + "')"
                + " and e_service_id = (select id from e_service where code = '" + other + "')");
        bulkLoadEnds(List.of(unchanged, phone, renamedService, url, unitType, ended));

        json().get("/api/v1/contact-cards/" + unchanged)
                .then()
                .statusCode(200)
                .header("ETag", etagBefore)
                .body("updatedAt", equalTo(updatedAtBefore));
        json().get("/api/v1/contact-cards/" + phone).then().statusCode(200).body("phone", equalTo("0480-999 99"));
        json().get("/api/v1/contact-cards/" + renamedService)
                .then()
                .statusCode(200)
                .body("eServices.name", contains("Boka besök", "Förnya recept", "Läs din journal"));
        json().get("/api/v1/contact-cards/" + url)
                .then()
                .statusCode(200)
                .body("eServices.url", contains("https://e-tjanster.example.se/URL", "https://ny.example.se/" + url));
        json().get("/api/v1/contact-cards/" + unitType)
                .then()
                .statusCode(200)
                .body("unitType", equalTo("PSYCHIATRY"))
                .body("eServices.base", contains(true, false));
        json().get("/api/v1/contact-cards/" + ended)
                .then()
                .statusCode(200)
                .body("eServices.code", contains(psychiatryBase));
    }

    @Test
    void aServiceNameAndAddressThatRunTogetherAlikeAreStillTwoInputs() {
        String unit = provider + "-QUOTE";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        String code = createService("Boka");
        offer(unit, code, today.minusDays(10));
        // Loaded past the API (which takes no quote in an address), and stored by the day's job: quoted and
        // run together, "Boka" and "tid'https://tid.example.se" read as "Boka'tid" and "https://tid.example.se".
        sql("update offering set url = 'tid''https://tid.example.se'"
                + " where care_unit_id = (select id from care_unit where hsa_id = '" + unit + "')");
        bulkLoadEnds(List.of(unit));
        daily.ensureRefreshedForToday();
        json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .body("eServices.url", contains("tid'https://tid.example.se"));

        sql("update e_service set name = 'Boka''tid' where code = '" + code + "'");
        sql("update offering set url = 'https://tid.example.se'"
                + " where care_unit_id = (select id from care_unit where hsa_id = '" + unit + "')");
        bulkLoadEnds(List.of(unit));

        json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .body("eServices.name", contains("Boka'tid"))
                .body("eServices.url", contains("https://tid.example.se"));
    }

    @Test
    void aRevisionTakingEffectMakesTheCardAgainThoughNothingOfTheUnitChanged() {
        String unit = unitWithACard("REVISION");
        json().get("/api/v1/contact-cards/" + unit).then().body("eServices.base", contains(false, false));

        publishBaseline(today, Map.of(other, List.of()));

        json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .body("eServices.code", contains(other, psychiatryBase))
                .body("eServices.base", contains(true, false));
    }

    @Test
    void aCardWhoseInputsHashTheSameIsKeptAsStoredAndNotMadeAgain() {
        String unit = unitWithACard("KEPT");
        // What a replica holds for the unit, and the same stored card with bytes no card could have: kept
        // as they are only if the card is not made again.
        ContactCardStore.StoredCard stored = QuarkusTransaction.requiringNew()
                .call(() -> store.find(List.of(unit)))
                .get(unit);
        CompressedCard sentinel = CompressedCard.stored(new byte[] {1, 2, 3}, 3, "0".repeat(64), null, null);
        // Its content hash no card has either, so only the inputs' hash can keep it.
        ContactCardStore.StoredCard withSentinel =
                new ContactCardStore.StoredCard(sentinel, "0".repeat(64), stored.inputsHash(), null);

        CompressedCard kept = QuarkusTransaction.requiringNew()
                .call(() -> refresher.onRead(List.of(unit), today, Map.of(unit, withSentinel)))
                .get(unit);
        assertSame(sentinel.deflatedJson(), kept.deflatedJson());

        ContactCardStore.StoredCard unknownInputs =
                new ContactCardStore.StoredCard(sentinel, "e".repeat(64), "f".repeat(64), null);
        CompressedCard made = QuarkusTransaction.requiringNew()
                .call(() -> refresher.onRead(List.of(unit), today, Map.of(unit, unknownInputs)))
                .get(unit);
        assertEquals(stored.card().etag(), made.etag(), "made again from the data, the same card");
    }

    @Test
    void aCardWrittenWithoutItsInputsHashLosesItAndTheDailyCheckGivesItBack() {
        String unit = unitWithACard("REHASH");
        String hash = inputsHash(unit);
        String changeBefore = changeXid(unit);

        // As a replica still running the code from before the hash writes a changed card.
        sql("update contact_card set content_hash = '" + "a".repeat(64) + "' where hsa_id = '" + unit + "'");
        assertNull(inputsHash(unit));
        // And then the card as made from the data again, still without the hash.
        restoreContentHashWithoutInputsHash(unit);
        assertNull(inputsHash(unit));

        daily.hashOlderCards();
        assertEquals(hash, inputsHash(unit));
        assertEquals(changeBefore, changeXid(unit), "the same card: not a change in the feed");
    }

    /** The card's content hash as made from the data, written without the inputs hash (the trigger clears it). */
    private void restoreContentHashWithoutInputsHash(String unit) {
        sql("update contact_card set content_hash = encode(sha256(convert_to("
                + "regexp_replace(body, ',\"updatedAt\":\"[^\"]*\"', ''), 'UTF8')), 'hex')"
                + " where hsa_id = '" + unit + "'");
    }

    /** A bulk load's end for these units, as the README says: their cards due, every replica's caches emptied. */
    private void bulkLoadEnds(List<String> units) {
        for (String unit : units) {
            sql("update contact_card set valid_until = date '1970-01-01' where hsa_id = '" + unit + "'");
            sql("delete from contact_card_next where hsa_id = '" + unit + "'");
        }
        sql("update contact_card_refresh set refreshed_for = null");
        sql("select pg_notify('basutbud_changes', '*')");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (units.stream().anyMatch(unit -> cards.peek(unit) != null) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        units.forEach(unit -> assertNull(cards.peek(unit), "evicted"));
    }

    private String etag(String unit) {
        return json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private String updatedAt(String unit) {
        return json().get("/api/v1/contact-cards/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .path("updatedAt");
    }

    private String inputsHash(String unit) {
        return value("select inputs_hash from contact_card where hsa_id = '" + unit + "'");
    }

    private String changeXid(String unit) {
        return value("select change_xid::text from contact_card where hsa_id = '" + unit + "'");
    }

    private String value(String query) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query);
                ResultSet row = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (row.next()) {
                values.add(row.getString(1));
            }
            assertEquals(1, values.size(), query);
            return values.get(0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
