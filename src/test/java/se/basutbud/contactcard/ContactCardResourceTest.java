package se.basutbud.contactcard;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.draftBaseline;
import static se.basutbud.support.Api.farDate;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.offer;
import static se.basutbud.support.Api.publishBaseline;
import static se.basutbud.support.Api.putUnit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import se.basutbud.support.DependsOnTheDatabaseServer;
import se.basutbud.support.FixedTimeSource;

/** Each test moves "today" to a date of its own, where the revision it publishes is the one in force. */
@QuarkusTest
@TestProfile(DependsOnTheDatabaseServer.Profile.class)
@DependsOnTheDatabaseServer
class ContactCardResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CardCache cards;

    @Inject
    DailyCardRefresh daily;

    LocalDate today;
    String provider;

    @BeforeEach
    void ownDate() {
        today = farDate();
        provider = newCareProvider();
        FixedTimeSource.setToday(today);
    }

    private static String card(String hsaId) {
        return "/api/v1/contact-cards/" + hsaId;
    }

    @Test
    void aCardShowsTodaysServicesBaseOnesFirstInSwedishOrder() {
        String base = createService("Ömsesidig bokning");
        String psychiatryBase = createService("Psykiatrins tjänst");
        String zebra = createService("Zebra");
        String aring = createService("Åtgärd");
        String auml = createService("Ärende");
        String ouml = createService("Öga");
        String apa = createService("apa");
        String later = createService("Kommer senare");
        publishBaseline(today, Map.of(base, List.of(), psychiatryBase, List.of("PSYCHIATRY")));
        String unit = provider + "-1";
        putUnit(
                unit,
                "PRIMARY_CARE",
                Map.of(
                        "name",
                        "Vårdcentralen Berga",
                        "municipality",
                        "Kalmar",
                        "phone",
                        "0480-100 00",
                        "website",
                        "https://example.se/berga"));
        for (String code : List.of(ouml, auml, zebra, base, aring, apa, psychiatryBase)) {
            offer(unit, code, today.minusDays(3));
        }
        offer(unit, later, today.plusDays(3));

        json().get(card(unit))
                .then()
                .statusCode(200)
                .header("ETag", matchesPattern("^\"[0-9a-f]{64}\"$"))
                .header("Cache-Control", matchesPattern("^public, max-age=([0-9]|[1-9][0-9]|[12][0-9][0-9]|300)$"))
                .body("hsaId", equalTo(unit))
                .body("name", equalTo("Vårdcentralen Berga"))
                .body("unitType", equalTo("PRIMARY_CARE"))
                .body("municipality", equalTo("Kalmar"))
                .body("phone", equalTo("0480-100 00"))
                .body("website", equalTo("https://example.se/berga"))
                .body("eServices.code", contains(base, apa, psychiatryBase, zebra, aring, auml, ouml))
                .body("eServices.base", contains(true, false, false, false, false, false, false))
                .body("updatedAt", matchesPattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$"));
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIsNotModified() {
        String code = createService("Tjänst");
        String unit = unitOfferingToday(code);
        String etag = json().get(card(unit)).then().statusCode(200).extract().header("ETag");

        json().header("If-None-Match", etag)
                .get(card(unit))
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", org.hamcrest.Matchers.startsWith("public"))
                .body(emptyString());
        json().header("If-None-Match", "\"other\", W/" + etag)
                .get(card(unit))
                .then()
                .statusCode(304);
        json().header("If-None-Match", "\"other\"").get(card(unit)).then().statusCode(200);

        // The same link again changes nothing the card shows: same tag.
        json().body(Map.of())
                .put("/api/v1/care-units/" + unit + "/offerings/" + code)
                .then()
                .statusCode(200);
        assertEquals(etag, json().get(card(unit)).then().extract().header("ETag"));

        json().body(Map.of("url", "https://e-tjanster.1177.se/ny"))
                .put("/api/v1/care-units/" + unit + "/offerings/" + code)
                .then()
                .statusCode(200);
        String changed = json().header("If-None-Match", etag)
                .get(card(unit))
                .then()
                .statusCode(200)
                .body("eServices[0].url", equalTo("https://e-tjanster.1177.se/ny"))
                .extract()
                .header("ETag");
        assertNotEquals(etag, changed);
    }

    @Test
    void aCardReadFromTheDatabaseIsAnsweredExactlyAsTheSameCardFromMemory() throws Exception {
        String code = createService("Tjänst");
        String unit = unitOfferingToday(code);
        awaitNotificationsDelivered();
        assertTrue(cards.peek(unit) == null);

        java.net.http.HttpResponse<byte[]> read = rawCard(unit, null);
        assertTrue(cards.peek(unit) != null, "the card read is held");
        java.net.http.HttpResponse<byte[]> held = rawCard(unit, null);
        assertEquals(200, read.statusCode());
        assertEquals(200, held.statusCode());
        for (String header : List.of("ETag", "Cache-Control", "Vary", "Content-Type", "Content-Encoding")) {
            assertEquals(held.headers().allValues(header), read.headers().allValues(header), header);
        }
        assertEquals(List.of("deflate"), read.headers().allValues("Content-Encoding"));
        assertArrayEquals(held.body(), read.body());

        // Evicted by a write that changes nothing on the card: revalidated from the database, a 304.
        String etag = read.headers().firstValue("ETag").orElseThrow();
        json().body(Map.of())
                .put("/api/v1/care-units/" + unit + "/offerings/" + code)
                .then()
                .statusCode(200);
        assertTrue(cards.peek(unit) == null);
        java.net.http.HttpResponse<byte[]> revalidated = rawCard(unit, etag);
        assertEquals(304, revalidated.statusCode());
        assertEquals(List.of(etag), revalidated.headers().allValues("ETag"));
        assertEquals(0, revalidated.body().length);
    }

    /** The answer as sent, its body not decoded: what a client accepting deflate gets. */
    private static java.net.http.HttpResponse<byte[]> rawCard(String unit, String ifNoneMatch) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + card(unit)))
                .header("Accept-Encoding", "deflate");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void closedUnknownAndInvalidUnitsHaveNoCard() {
        String closing = provider + "-1";
        putUnit(closing, "PRIMARY_CARE", Map.of("closedOn", today.plusDays(1).toString()));
        json().get(card(closing)).then().statusCode(200);
        assertProblem(json().get(card(provider + "-2")).then(), 404);
        assertProblem(json().get(card("SE1-1")).then(), 400);

        FixedTimeSource.setToday(today.plusDays(1));
        assertProblem(json().get(card(closing)).then(), 404);
    }

    @Test
    void anHsaIdWithoutACardIsRememberedUntilItsUnitChanges() {
        String later = provider + "-9";
        awaitNotificationsDelivered();
        assertProblem(json().get(card(later)).then(), 404);
        assertProblem(json().get(card(later)).then(), 404);
        // The second read came from memory: the replica holds "no card" for it, not a database read each time.
        assertTrue(cards.peek(later).current().isNone());
        // The unit is created: every replica forgets the absence, and the card is there at once.
        putUnit(later, "PRIMARY_CARE", Map.of());
        json().get(card(later)).then().statusCode(200).body("hsaId", equalTo(later));
    }

    @Test
    void theFeedSyncsEverythingThenOnlyWhatChanged() {
        String code = createService("Tjänst");
        String first = provider + "-1";
        String second = provider + "-2";
        putUnit(first, "PRIMARY_CARE", Map.of());
        putUnit(second, "DENTAL_CARE", Map.of());
        offer(first, code, today);
        // Closed before the sync starts: its removal is the newest change, and none of this client's business.
        String gone = provider + "-3";
        putUnit(gone, "PRIMARY_CARE", Map.of());
        putUnit(gone, "PRIMARY_CARE", Map.of("closedOn", today.toString()));

        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = syncAll(null, 500, all);
        assertTrue(all.stream().noneMatch(c -> gone.equals(c.get("hsaId"))));
        assertEquals(1, all.stream().filter(c -> first.equals(c.get("hsaId"))).count());
        assertEquals(1, all.stream().filter(c -> second.equals(c.get("hsaId"))).count());
        assertTrue(all.stream().noneMatch(c -> Boolean.TRUE.equals(c.get("removed"))));

        JsonPath nothing = json().queryParam("after", cursor)
                .get("/api/v1/contact-cards")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(), nothing.getList("items"));
        assertFalse(nothing.getBoolean("hasMore"));
        assertEquals(cursor, nothing.getString("cursor"));

        json().body(Map.of("url", "https://e-tjanster.1177.se/x"))
                .put("/api/v1/care-units/" + first + "/offerings/" + code)
                .then()
                .statusCode(200);
        putUnit(second, "DENTAL_CARE", Map.of("closedOn", today.toString()));
        JsonPath changes = json().queryParam("after", cursor)
                .get("/api/v1/contact-cards")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(first, second), changes.getList("items.hsaId"));
        assertEquals("https://e-tjanster.1177.se/x", changes.getString("items[0].eServices[0].url"));
        assertEquals(Boolean.TRUE, changes.get("items[1].removed"));
        assertEquals(
                List.of(),
                json().queryParam("after", changes.getString("cursor"))
                        .get("/api/v1/contact-cards")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items"));
    }

    @Test
    void renamingAUnitOrAServiceAndRetiringAServiceChangeTheCard() {
        String code = createService("Gammalt namn");
        String unit = provider + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of("name", "Före"));
        offer(unit, code, today);
        String cursor = syncAll(null, 500, new ArrayList<>());
        String etag = json().get(card(unit)).then().extract().header("ETag");

        putUnit(unit, "PRIMARY_CARE", Map.of("name", "Efter"));
        json().body(Map.of("name", "Nytt namn", "status", "ACTIVE"))
                .put("/api/v1/e-services/" + code)
                .then()
                .statusCode(200);
        String renamed = json().get(card(unit))
                .then()
                .statusCode(200)
                .body("name", equalTo("Efter"))
                .body("eServices[0].name", equalTo("Nytt namn"))
                .extract()
                .header("ETag");
        assertNotEquals(etag, renamed);
        List<Map<String, Object>> changed = new ArrayList<>();
        cursor = syncAll(cursor, 500, changed);
        assertEquals(
                1, changed.stream().filter(c -> unit.equals(c.get("hsaId"))).count());

        json().body(Map.of("name", "Nytt namn", "status", "RETIRED"))
                .put("/api/v1/e-services/" + code)
                .then()
                .statusCode(200);
        json().get(card(unit)).then().statusCode(200).body("eServices", org.hamcrest.Matchers.empty());
        changed.clear();
        syncAll(cursor, 500, changed);
        assertEquals(
                1, changed.stream().filter(c -> unit.equals(c.get("hsaId"))).count());
    }

    @Test
    void changesOfOneTransactionArePagedWithoutSkipsOrRepeats() {
        String code = createService("Tjänst");
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String unit = provider + "-" + i;
            putUnit(unit, "PRIMARY_CARE", Map.of());
            offer(unit, code, today);
            units.add(unit);
        }
        String cursor = syncAll(null, 500, new ArrayList<>());
        // One publication changes every card in one transaction: all share one transaction id.
        publishBaseline(today, Map.of(code, List.of()));
        List<Map<String, Object>> changed = new ArrayList<>();
        syncAll(cursor, 1, changed);
        List<Object> ours = changed.stream()
                .map(c -> c.get("hsaId"))
                .filter(units::contains)
                .toList();
        assertEquals(units, ours);
        assertTrue(changed.stream()
                .filter(c -> units.contains(c.get("hsaId")))
                .allMatch(c -> Boolean.TRUE.equals(
                        ((List<Map<String, Object>>) c.get("eServices")).get(0).get("base"))));
    }

    @Test
    void aCardChangedByAWriterStillRunningIsNotSkippedForChangesThatCommitAfterIt() throws Exception {
        String code = createService("Tjänst");
        String slow = provider + "-1";
        String fast = provider + "-2";
        putUnit(slow, "PRIMARY_CARE", Map.of());
        putUnit(fast, "PRIMARY_CARE", Map.of());
        offer(slow, code, today);
        offer(fast, code, today);
        String cursor = syncAll(null, 500, new ArrayList<>());
        String during;
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try {
                // A writer that began first and commits last changes the first card, as the refresher does.
                try (Statement statement = held.createStatement()) {
                    assertEquals(
                            1,
                            statement.executeUpdate("update contact_card set updated_at = now(), "
                                    + "change_xid = pg_current_xact_id() where hsa_id = '" + slow + "'"));
                }
                // A later transaction changes the second card and commits while the first still runs.
                putUnit(fast, "PRIMARY_CARE", Map.of("name", "Ändrad"));
                List<Map<String, Object>> whileRunning = new ArrayList<>();
                during = syncAll(cursor, 500, whileRunning);
                assertEquals(
                        List.of(),
                        hsaIds(whileRunning, slow, fast),
                        "nothing from the oldest running transaction on: the cursor must not pass the slow writer's change");
                held.commit();
            } finally {
                if (!held.getAutoCommit()) {
                    held.rollback();
                    held.setAutoCommit(true);
                }
            }
        }
        List<Map<String, Object>> afterwards = new ArrayList<>();
        syncAll(during, 500, afterwards);
        assertEquals(List.of(slow, fast), hsaIds(afterwards, slow, fast), "both, in commit-order-safe order");
    }

    @Test
    void aTransactionLeftOpenInAnotherDatabaseOfTheServerDoesNotHoldTheFeedBack() throws Exception {
        String code = createService("Tjänst");
        String unit = unitOfferingToday(code);
        String cursor = syncAll(null, 500, new ArrayList<>());
        // Another application's database on the same server, with a transaction left open (an idle psql).
        String other =
                "basutbud_other_" + provider.substring(provider.length() - 6).toLowerCase(Locale.ROOT);
        try (Connection admin = dataSource.getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + other);
        }
        try {
            String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
            String otherUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + other + "$1");
            try (Connection elsewhere = DriverManager.getConnection(
                    otherUrl,
                    ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class),
                    ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class))) {
                elsewhere.setAutoCommit(false);
                try (Statement statement = elsewhere.createStatement()) {
                    statement.execute("create table held (id int)");
                    statement.execute("insert into held values (1)");
                }
                putUnit(unit, "PRIMARY_CARE", Map.of("name", "Ändrad medan en annan databas väntar"));
                List<Map<String, Object>> items = new ArrayList<>();
                syncAll(cursor, 500, items);
                assertEquals(List.of(unit), hsaIds(items, unit), "the change is in the feed at once");
                elsewhere.rollback();
            }
        } finally {
            try (Connection admin = dataSource.getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + other + " with (force)");
            }
        }
    }

    @Test
    void aRevisionForALaterDateAndAServicesDescriptionLeaveTodaysCardsAlone() throws Exception {
        String code = createService("Tjänst");
        String unit = unitOfferingToday(code);
        String etag = json().get(card(unit)).then().statusCode(200).extract().header("ETag");
        long later = draftBaseline(today.plusDays(30), Map.of(code, List.of()));
        // A unit's edit in flight holds the card refresh lock shared: a full refresh would wait for it.
        try (Connection editor = dataSource.getConnection()) {
            editor.setAutoCommit(false);
            try {
                try (PreparedStatement lock = editor.prepareStatement("select pg_advisory_xact_lock_shared(?)")) {
                    lock.setLong(1, ContactCardStore.REFRESH_LOCK);
                    lock.executeQuery().close();
                }
                assertDoneWithoutWaitingForTheCardRefresh(() -> json().post("/api/v1/baselines/" + later + "/publish")
                        .then()
                        .statusCode(200));
                assertDoneWithoutWaitingForTheCardRefresh(
                        () -> json().body(Map.of("name", "Tjänst", "status", "ACTIVE", "description", "Ny text"))
                                .put("/api/v1/e-services/" + code)
                                .then()
                                .statusCode(200));
            } finally {
                editor.rollback();
                editor.setAutoCommit(true);
            }
        }
        json().get(card(unit)).then().statusCode(200).header("ETag", etag).body("eServices[0].base", equalTo(false));
        // On the revision's first day the daily refresh takes it up.
        FixedTimeSource.setToday(today.plusDays(30));
        json().get(card(unit)).then().statusCode(200).body("eServices[0].base", equalTo(true));
    }

    /** Runs the write and fails at once if it waits for the exclusive card refresh lock meanwhile. */
    private void assertDoneWithoutWaitingForTheCardRefresh(Runnable write) throws Exception {
        CompletableFuture<Void> done = CompletableFuture.runAsync(write);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.isDone()) {
            try (Connection observer = dataSource.getConnection();
                    Statement statement = observer.createStatement();
                    ResultSet waiting = statement.executeQuery("select count(*) from pg_stat_activity "
                            + "where datname = current_database() and wait_event = 'advisory'")) {
                waiting.next();
                assertEquals(0, waiting.getInt(1), "the write waits for the full card refresh");
            }
            assertTrue(System.nanoTime() < deadline, "the write did not finish");
            Thread.sleep(10);
        }
        done.get();
    }

    private static List<Object> hsaIds(List<Map<String, Object>> items, String... ours) {
        List<String> wanted = List.of(ours);
        return items.stream()
                .map(item -> item.get("hsaId"))
                .filter(wanted::contains)
                .toList();
    }

    @Test
    void aRevisionComingIntoForceChangesTheCardOnItsValidFrom() {
        String code = createService("Tjänst");
        String unit = unitOfferingToday(code);
        publishBaseline(today.plusDays(5), Map.of(code, List.of()));
        json().get(card(unit)).then().body("eServices[0].base", equalTo(false));
        String cursor = syncAll(null, 500, new ArrayList<>());

        FixedTimeSource.setToday(today.plusDays(5));
        json().get(card(unit)).then().statusCode(200).body("eServices[0].base", equalTo(true));
        List<Map<String, Object>> changed = new ArrayList<>();
        syncAll(cursor, 500, changed);
        assertEquals(
                1, changed.stream().filter(c -> unit.equals(c.get("hsaId"))).count());
    }

    @Test
    void whenTheDayMovesOnAReaderGetsTheNewDaysCardWithoutWaitingForAnyRefresh() throws Exception {
        String code = createService("Från i morgon");
        String unit = unitOfferingFromTomorrow(code);

        // A full refresh of every card (a revision published for today, say) holds its lock meanwhile.
        try (Connection refresher = dataSource.getConnection()) {
            refresher.setAutoCommit(false);
            try {
                try (PreparedStatement lock = refresher.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, ContactCardStore.REFRESH_LOCK);
                    lock.executeQuery().close();
                }
                FixedTimeSource.setToday(today.plusDays(1));
                CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> json().get(card(unit))
                        .then()
                        .statusCode(200)
                        .body("eServices.code", contains(code))
                        .body("updatedAt", equalTo(startOf(today.plusDays(1))))
                        .extract()
                        .header("ETag"));
                String etag = read.get(10, TimeUnit.SECONDS);
                // Served again from memory, the same card.
                json().get(card(unit)).then().statusCode(200).header("ETag", etag);
                refresher.rollback();
                // The day's cards stored (the feed waits for that): the same bytes as the reader got.
                Map<String, Object> stored = storedInTheFeed(unit);
                assertEquals(startOf(today.plusDays(1)), stored.get("updatedAt"));
                json().header("If-None-Match", etag).get(card(unit)).then().statusCode(304);
            } finally {
                refresher.rollback();
                refresher.setAutoCommit(true);
            }
        }
    }

    @Test
    void tomorrowsCardIsPreparedTheDayBeforeAndServedFromMemoryAtMidnight() throws Exception {
        String code = createService("Från i morgon");
        String unit = unitOfferingFromTomorrow(code);

        daily.prepareTomorrow();
        awaitNotificationsDelivered();
        // Told to read the card again, this replica now holds both versions.
        json().get(card(unit)).then().statusCode(200).body("eServices", org.hamcrest.Matchers.empty());
        CardVersions held = cards.peek(unit);
        assertEquals(today.plusDays(1), held.next().validFrom());
        // The offering is taken away behind the service's back: a card computed at midnight would not show it,
        // the prepared one does.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from offering where care_unit_id = (select id from care_unit where hsa_id = ?)")) {
            delete.setString(1, unit);
            delete.executeUpdate();
        }
        FixedTimeSource.setToday(today.plusDays(1));
        json().get(card(unit))
                .then()
                .statusCode(200)
                .header("ETag", held.next().etag())
                .body("eServices.code", contains(code))
                .body("updatedAt", equalTo(startOf(today.plusDays(1))));
        // The day's cards stored (the feed waits for that): the prepared card is stored as it was, not
        // computed again, so the feed has the same bytes the readers got.
        Map<String, Object> stored = storedInTheFeed(unit);
        assertEquals(
                List.of(code),
                ((List<Map<String, Object>>) stored.get("eServices"))
                        .stream().map(service -> service.get("code")).toList());
        assertEquals(startOf(today.plusDays(1)), stored.get("updatedAt"));
    }

    @Test
    void aWriteForgetsTheCardPreparedForTomorrow() {
        String code = createService("Från i morgon");
        String unit = unitOfferingFromTomorrow(code);
        daily.prepareTomorrow();
        awaitNotificationsDelivered();
        json().get(card(unit)).then().statusCode(200);
        assertTrue(cards.peek(unit).next() != null);
        json().queryParam("on", today.plusDays(1).toString())
                .delete("/api/v1/care-units/" + unit + "/offerings/" + code)
                .then()
                .statusCode(204);
        FixedTimeSource.setToday(today.plusDays(1));
        json().get(card(unit)).then().statusCode(200).body("eServices", org.hamcrest.Matchers.empty());
    }

    @Test
    void cardsStoredBeforeCardsWereStoredDeflatedAreServedAsStoredAndDeflatedByTheDailyCheck() throws Exception {
        String code = createService("Lagrad förr");
        String readBefore = provider + "-1";
        String readAfter = provider + "-2";
        for (String unit : List.of(readBefore, readAfter)) {
            putUnit(unit, "PRIMARY_CARE", Map.of());
            offer(unit, code, today);
        }
        // As cards stored before migration V19 are, their JSON only; neither read yet, so neither in memory.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update contact_card set body_deflated = null where hsa_id in (?, ?)")) {
            update.setString(1, readBefore);
            update.setString(2, readAfter);
            assertEquals(2, update.executeUpdate());
        }

        assertServedAsStored(readBefore);
        String changesBefore = changeStamps(readBefore, readAfter);
        daily.deflateOlderCards();
        assertEquals(changesBefore, changeStamps(readBefore, readAfter), "deflating is not a change of the card");
        for (String unit : List.of(readBefore, readAfter)) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement(
                            "select body, body_deflated from contact_card where hsa_id = ?")) {
                select.setString(1, unit);
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next());
                    byte[] body = row.getString(1).getBytes(StandardCharsets.UTF_8);
                    assertArrayEquals(
                            body,
                            CompressedCard.stored(row.getBytes(2), body.length, "x", null, null)
                                    .json());
                }
            }
        }
        assertServedAsStored(readAfter);
    }

    /**
     * The card read is the stored one, byte for byte, with its content hash as ETag: inflated for a client
     * that does not take deflate (read first, so the replica holds it), and as the deflated bytes for one
     * that does.
     */
    private void assertServedAsStored(String unit) throws Exception {
        StoredRow stored = storedRow(unit);
        for (String acceptEncoding : List.of("identity", "deflate")) {
            var response = json().header("Accept-Encoding", acceptEncoding)
                    .get(card(unit))
                    .then()
                    .statusCode(200)
                    .extract();
            assertEquals(stored.body(), response.asString(), acceptEncoding);
            assertEquals('"' + stored.contentHash() + '"', response.header("ETag"));
        }
    }

    private record StoredRow(String body, String contentHash) {}

    private StoredRow storedRow(String unit) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select body, content_hash from contact_card where hsa_id = ?")) {
            select.setString(1, unit);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return new StoredRow(row.getString(1), row.getString(2));
            }
        }
    }

    /** The cards' change stamps: what the feed and the cards' {@code updatedAt} go by. */
    private String changeStamps(String... units) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select string_agg(hsa_id || ' '"
                        + " || change_xid::text || ' ' || updated_at::text, ', ' order by hsa_id) from contact_card"
                        + " where hsa_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("varchar", units));
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    @Test
    void aCharacterBeyondTheBasicMultilingualPlaneIsStoredAsItself() throws Exception {
        String unit = provider + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of("name", "Vårdcentralen \uD83C\uDF3B Solrosen"));
        StoredRow stored = storedRow(unit);
        // As the cards were written, and hashed, before they were written as bytes: not as two escapes.
        assertTrue(stored.body().contains("\"name\":\"Vårdcentralen \uD83C\uDF3B Solrosen\""), stored.body());
        assertEquals(
                stored.contentHash(),
                se.basutbud.web.EntityTags.sha256(stored.body().replaceFirst(",\"updatedAt\":\"[^\"]*\"", "")));
        json().header("Accept-Encoding", "identity")
                .get(card(unit))
                .then()
                .statusCode(200)
                .body("name", equalTo("Vårdcentralen \uD83C\uDF3B Solrosen"));
    }

    @Test
    void theDailyJobGivesWayToReadersComputingTheirCards() throws Exception {
        String unit = provider + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        // As a bulk load ends (for this unit only): the card due, the day's job to run again.
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "update contact_card set valid_until = date '1970-01-01' where hsa_id = '" + unit + "'");
            statement.executeUpdate("update contact_card_refresh set refreshed_for = null");
        }
        json().get(card(unit)).then().statusCode(200);

        daily.ensureRefreshedForToday();
        assertTrue(
                daily.lastGivenWay().toNanos() > 0,
                "gave way to the reader for " + daily.lastGivenWay().toMillis() + " ms");
        String until = validUntil(unit);
        assertTrue(
                until.equals("null") || LocalDate.parse(until).isAfter(today),
                "stored as right for the day once readers were done, until " + until);
    }

    @Test
    void theWarmUpAtStartComputesCardsAndStoresNothing() throws Exception {
        String unit = provider + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        String tables = "select md5(string_agg(hsa_id || ' ' || coalesce(content_hash, '') || ' '"
                + " || coalesce(valid_from::text, '') || ' ' || coalesce(valid_until::text, ''), ',' order by hsa_id))"
                + " from %s";
        String before = sqlValue(tables.formatted("contact_card")) + sqlValue(tables.formatted("contact_card_next"));
        daily.warmUp();
        assertEquals(
                before, sqlValue(tables.formatted("contact_card")) + sqlValue(tables.formatted("contact_card_next")));
    }

    private String validUntil(String unit) throws Exception {
        return String.valueOf(sqlValue("select valid_until::text from contact_card where hsa_id = '" + unit + "'"));
    }

    /**
     * Waits until the notifications of the writes so far reached this replica's listener, each evicting
     * once more when it arrives (a test that then looks into the cache would find it gone). PostgreSQL
     * delivers notifications in commit order, so once a marker sent now has evicted its unit's remembered
     * absence, every earlier one has been dispatched.
     */
    private void awaitNotificationsDelivered() {
        String marker = provider + "-" + Long.toHexString(System.nanoTime()).toUpperCase();
        assertProblem(json().get(card(marker)).then(), 404);
        assertTrue(cards.peek(marker).current().isNone());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify('basutbud_changes', ?)")) {
            notify.setString(1, marker);
            notify.executeQuery().close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (cards.peek(marker) != null) {
            assertTrue(System.nanoTime() < deadline, "the marker's notification did not arrive");
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    private String sqlValue(String query) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            assertTrue(row.next());
            return row.getString(1);
        }
    }

    /** A health centre that offers the service from today. */
    private String unitOfferingToday(String code) {
        String unit = provider + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        offer(unit, code, today);
        return unit;
    }

    /** A unit that offers the service from tomorrow: today its card shows nothing. */
    private String unitOfferingFromTomorrow(String code) {
        String unit = provider + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        offer(unit, code, today.plusDays(1));
        json().get(card(unit)).then().statusCode(200).body("eServices", org.hamcrest.Matchers.empty());
        return unit;
    }

    private static String startOf(LocalDate day) {
        return day.atStartOfDay(java.time.ZoneId.of("Europe/Stockholm"))
                .toInstant()
                .toString();
    }

    @Test
    void badFeedParametersAreRefused() {
        assertProblem(
                        json().queryParam("after", "not-a-cursor")
                                .get("/api/v1/contact-cards")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("after"));
        assertProblem(
                json().queryParam("after", java.util.Base64.getUrlEncoder().encodeToString("v1|x|'; drop".getBytes()))
                        .get("/api/v1/contact-cards")
                        .then(),
                400);
        assertProblem(
                json().queryParam("size", 501).get("/api/v1/contact-cards").then(), 400);
        assertProblem(json().queryParam("size", 0).get("/api/v1/contact-cards").then(), 400);
    }

    /** The unit's card as a full sync of the feed has it (the feed waits for the day's cards to be stored). */
    private static Map<String, Object> storedInTheFeed(String unit) {
        List<Map<String, Object>> items = new ArrayList<>();
        syncAll(null, 500, items);
        return items.stream()
                .filter(item -> unit.equals(item.get("hsaId")))
                .findFirst()
                .orElseThrow();
    }

    /** Follows the feed until hasMore is false, collecting the items; returns the last cursor. */
    @SuppressWarnings("unchecked")
    private static String syncAll(String after, int size, List<Map<String, Object>> items) {
        String cursor = after;
        for (int page = 0; page < 10_000; page++) {
            var request = json().queryParam("size", size);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath answer = request.get("/api/v1/contact-cards")
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", "no-store")
                    .extract()
                    .jsonPath();
            items.addAll((List<Map<String, Object>>) (List<?>) answer.getList("items"));
            cursor = answer.getString("cursor");
            if (!answer.getBoolean("hasMore")) {
                return cursor;
            }
        }
        throw new AssertionError("The feed never ended");
    }
}
