package se.basutbud.compliance;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.draftBaseline;
import static se.basutbud.support.Api.farDate;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.newServiceCode;
import static se.basutbud.support.Api.offer;
import static se.basutbud.support.Api.publishBaseline;
import static se.basutbud.support.Api.putUnit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import se.basutbud.support.DependsOnTheDatabaseServer;
import se.basutbud.support.FixedTimeSource;

/**
 * One small region per test: A (primary care) offers every required service and one more; B (primary
 * care) offers one, is exempted from another and misses the third; C (psychiatry) offers nothing and has
 * one more requirement for its type; a closed unit and one not yet opened stay out.
 */
@QuarkusTest
@TestProfile(DependsOnTheDatabaseServer.Profile.class)
@DependsOnTheDatabaseServer
class ComplianceResourceTest {

    private static final LocalDate SINCE = LocalDate.of(2020, 1, 1);
    private static final String AS_OF = "2024-01-01";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    UnitComplianceCache cache;

    String provider;
    String a;
    String b;
    String c;
    String s1;
    String s2;
    String s3;
    String psychiatryOnly;
    String extra;
    long draft;

    @BeforeEach
    void region() {
        provider = newCareProvider();
        a = provider + "-A";
        b = provider + "-B";
        c = provider + "-C";
        s1 = createService("Ett");
        s2 = createService("Två");
        s3 = createService("Tre");
        psychiatryOnly = createService("Psykiatri");
        extra = createService("Valbar");
        putUnit(a, "PRIMARY_CARE", Map.of("municipality", "Kalmar", "administration", "Primärvården"));
        putUnit(b, "PRIMARY_CARE", Map.of("municipality", "Nybro", "administration", "Primärvården"));
        putUnit(c, "PSYCHIATRY", Map.of("administration", "Psykiatrin"));
        putUnit(provider + "-CLOSED", "PRIMARY_CARE", Map.of("closedOn", "2023-01-01"));
        putUnit(provider + "-LATER", "PRIMARY_CARE", Map.of("openedOn", "2030-01-01"));
        for (String code : List.of(s1, s2, s3, extra)) {
            offer(a, code, SINCE);
        }
        offer(b, s1, SINCE);
        json().body(Map.of("reason", "Ej tillämplig", "since", SINCE.toString()))
                .put("/api/v1/care-units/" + b + "/exemptions/" + s2)
                .then()
                .statusCode(201);
        draft = draftBaseline(
                LocalDate.of(2025, 1, 1),
                Map.of(s1, List.of(), s2, List.of(), s3, List.of(), psychiatryOnly, List.of("PSYCHIATRY")));
    }

    @Test
    void oneUnitsComplianceFollowsTheRule() {
        json().queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .get("/api/v1/care-units/" + b + "/compliance")
                .then()
                .statusCode(200)
                .body("hsaId", equalTo(b))
                .body("unitType", equalTo("PRIMARY_CARE"))
                .body("asOf", equalTo(AS_OF))
                .body("baseline.id", equalTo((int) draft))
                .body("baseline.status", equalTo("DRAFT"))
                .body("required", equalTo(sorted(s1, s3)))
                .body("offered", contains(s1))
                .body("missing", contains(s3))
                .body("exempted", contains(s2))
                .body("optional", empty())
                .body("score", closeTo(0.5, 1e-9))
                .body("status", equalTo("PARTIAL"));
        json().queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .get("/api/v1/care-units/" + a + "/compliance")
                .then()
                .body("status", equalTo("COMPLIANT"))
                .body("score", closeTo(1.0, 1e-9))
                .body("optional", contains(extra))
                .body("missing", empty());
        json().queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .get("/api/v1/care-units/" + c + "/compliance")
                .then()
                .body("status", equalTo("NON_COMPLIANT"))
                .body("score", closeTo(0.0, 1e-9))
                .body("required", equalTo(sorted(s1, s2, s3, psychiatryOnly)));
    }

    @Test
    void nothingRequiredMeansFullyCompliant() {
        long onlyPsychiatry = draftBaseline(LocalDate.of(2025, 1, 1), Map.of(psychiatryOnly, List.of("PSYCHIATRY")));
        json().queryParam("asOf", AS_OF)
                .queryParam("baseline", onlyPsychiatry)
                .get("/api/v1/care-units/" + a + "/compliance")
                .then()
                .body("required", empty())
                .body("score", closeTo(1.0, 1e-9))
                .body("status", equalTo("COMPLIANT"))
                .body("optional", equalTo(sorted(s1, s2, s3, extra)));
    }

    @Test
    void anExemptionAppliesFromItsStartUntilItsEndDate() {
        json().body(Map.of("reason", "Tillfälligt", "since", "2022-03-01", "until", "2023-01-01"))
                .put("/api/v1/care-units/" + c + "/exemptions/" + psychiatryOnly)
                .then()
                .statusCode(201);
        json().queryParam("asOf", "2022-02-28")
                .queryParam("baseline", draft)
                .get("/api/v1/care-units/" + c + "/compliance")
                .then()
                .body("exempted", empty())
                .body("missing", hasItem(psychiatryOnly));
        json().queryParam("asOf", "2022-03-01")
                .queryParam("baseline", draft)
                .get("/api/v1/care-units/" + c + "/compliance")
                .then()
                .body("exempted", contains(psychiatryOnly));
        json().queryParam("asOf", "2022-12-31")
                .queryParam("baseline", draft)
                .get("/api/v1/care-units/" + c + "/compliance")
                .then()
                .body("exempted", contains(psychiatryOnly));
        json().queryParam("asOf", "2023-01-01")
                .queryParam("baseline", draft)
                .get("/api/v1/care-units/" + c + "/compliance")
                .then()
                .body("exempted", empty());
    }

    @Test
    void theReportCoversUnitsOpenOnTheDateSortedByHsaId() {
        json().queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .body("asOf", equalTo(AS_OF))
                .body("baseline.id", equalTo((int) draft))
                .body("summary.units", equalTo(3))
                .body("summary.compliant", equalTo(1))
                .body("summary.partial", equalTo(1))
                .body("summary.nonCompliant", equalTo(1))
                .body("summary.averageScore", closeTo(0.5, 1e-9))
                .body("units.hsaId", contains(a, b, c))
                .body("units[1].required", equalTo(2))
                .body("units[1].offered", equalTo(1))
                .body("units[1].missing", contains(s3))
                .body("units[1].exempted", contains(s2))
                .body("units[1].careProvider", equalTo(provider))
                .body("units[1].municipality", equalTo("Nybro"));
        json().queryParam("asOf", "2022-06-01")
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance")
                .then()
                .body("units.hsaId", contains(a, b, c, provider + "-CLOSED"));
        json().queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .queryParam("unitType", "PSYCHIATRY")
                .get("/api/v1/compliance")
                .then()
                .body("units.hsaId", contains(c));
        json().queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .queryParam("municipality", "Nybro")
                .get("/api/v1/compliance")
                .then()
                .body("units.hsaId", contains(b));
        json().queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .queryParam("administration", "Psykiatrin")
                .get("/api/v1/compliance")
                .then()
                .body("units.hsaId", contains(c));
    }

    @Test
    void theTrendAgreesWithTheReportBefore1900AndForServiceIdsPast65535() throws Exception {
        String required = createService("Krävs");
        // A service whose id is the first's plus 65,536: ids once shared 16 bits in the trend's packing.
        String lookalike = newServiceCode();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into e_service (id, code, name) select id + 65536, ?, 'Liknande' from e_service where code = ?")) {
            insert.setString(1, lookalike);
            insert.setString(2, required);
            assertEquals(1, insert.executeUpdate());
        }
        String old = provider + "-OLD";
        String alike = provider + "-ALIKE";
        putUnit(old, "PRIMARY_CARE", Map.of());
        putUnit(alike, "PRIMARY_CARE", Map.of());
        // Offered since before 1900: days were once counted from 1900 and earlier ones clamped to it.
        offer(old, required, LocalDate.of(1850, 1, 1));
        offer(alike, lookalike, LocalDate.of(1850, 1, 1));
        long revision = draftBaseline(LocalDate.of(1800, 1, 1), Map.of(required, List.of()));

        List<Map<String, Object>> points = json().queryParam("from", "1880-01-01")
                .queryParam("to", "1901-01-01")
                .queryParam("interval", "year")
                .queryParam("baseline", revision)
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(22, points.size());
        for (Map<String, Object> point : List.of(points.get(0), points.get(21))) {
            String date = (String) point.get("date");
            JsonPath report = json().queryParam("asOf", date)
                    .queryParam("baseline", revision)
                    .queryParam("careProvider", provider)
                    .get("/api/v1/compliance")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(List.of(old), report.getList("units.findAll { it.status == 'COMPLIANT' }.hsaId"), date);
            assertEquals(report.getInt("summary.units"), point.get("units"), date);
            assertEquals(1, point.get("compliant"), date);
            assertEquals(
                    report.getDouble("summary.averageScore"), ((Number) point.get("averageScore")).doubleValue(), 1e-9);
        }
    }

    @Test
    void onlyTodaysComplianceOfAUnitIsKeptInMemory() {
        LocalDate today = farDate();
        FixedTimeSource.setToday(today);
        publishBaseline(today, Map.of(s1, List.of()));
        LocalDate tomorrow = today.plusDays(1);
        // The revision's notification reaches this replica's listener after the publish has answered, and
        // evicts an answer read before it arrived. Notifications arrive in commit order: once one sent after
        // it has evicted unit b's answer, the revision's has been handled too.
        json().get("/api/v1/care-units/" + b + "/compliance").then().statusCode(200);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify('basutbud_changes', ?)")) {
            notify.setString(1, b);
            notify.execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (cache.peek(b, today) != null && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        assertNull(cache.peek(b, today), "the notifications sent so far were handled");
        for (LocalDate asOf : List.of(today, tomorrow)) {
            json().queryParam("asOf", asOf.toString())
                    .get("/api/v1/care-units/" + a + "/compliance")
                    .then()
                    .statusCode(200)
                    .body("asOf", equalTo(asOf.toString()))
                    .body("status", equalTo("COMPLIANT"));
        }
        assertNotNull(cache.peek(a, today), "today's answer is kept");
        assertNull(cache.peek(a, tomorrow), "a date the caller chose is computed, never kept");
        // A change of the unit evicts today's answer.
        putUnit(a, "PRIMARY_CARE", Map.of("name", "Omdöpt"));
        assertNull(cache.peek(a, today));
    }

    @Test
    void theStreamedReportSendsItsSummaryAfterTheUnits() throws Exception {
        String body = json().queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> fields = new ArrayList<>();
        new ObjectMapper().readTree(body).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("asOf", "baseline", "units", "summary"), fields, body);
    }

    @Test
    void theReportAnswersCsvForSpreadsheets() {
        String csv = se.basutbud.support.Api.asAdmin()
                .accept("text/csv")
                .queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        org.junit.jupiter.api.Assertions.assertEquals(
                List.of(
                        "\"hsaId\",\"name\",\"unitType\",\"careProvider\",\"administration\",\"municipality\",\"required\","
                                + "\"offered\",\"missing\",\"exempted\",\"score\",\"status\"",
                        q(a) + "," + q("Enhet " + a) + ",\"PRIMARY_CARE\"," + q(provider)
                                + ",\"Primärvården\",\"Kalmar\",3,3,,,1.0000,\"COMPLIANT\"",
                        q(b) + "," + q("Enhet " + b) + ",\"PRIMARY_CARE\"," + q(provider)
                                + ",\"Primärvården\",\"Nybro\",2,1," + q(s3) + "," + q(s2) + ",0.5000,\"PARTIAL\"",
                        // Text is quoted: a list of codes stays one cell where ";" separates cells too (Excel,
                        // Swedish).
                        q(c) + "," + q("Enhet " + c) + ",\"PSYCHIATRY\"," + q(provider) + ",\"Psykiatrin\",,4,0,"
                                + q(String.join(";", sorted(s1, s2, s3, psychiatryOnly)))
                                + ",,0.0000,\"NON_COMPLIANT\""),
                lines);
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    @Test
    void coveragePerServiceCountsUnitsThatMustOfferIt() {
        json().queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance/services")
                .then()
                .statusCode(200)
                .body("items", hasSize(4))
                .body("items.find { it.serviceCode == '" + s1 + "' }.applicableUnits", equalTo(3))
                .body("items.find { it.serviceCode == '" + s1 + "' }.offeringUnits", equalTo(2))
                .body("items.find { it.serviceCode == '" + s1 + "' }.coverage", closeTo(2.0 / 3, 1e-9))
                .body("items.find { it.serviceCode == '" + s1 + "' }.name", equalTo("Ett"))
                .body("items.find { it.serviceCode == '" + s2 + "' }.applicableUnits", equalTo(2))
                .body("items.find { it.serviceCode == '" + s2 + "' }.offeringUnits", equalTo(1))
                .body("items.find { it.serviceCode == '" + s2 + "' }.exemptedUnits", equalTo(1))
                .body("items.find { it.serviceCode == '" + psychiatryOnly + "' }.applicableUnits", equalTo(1))
                .body("items.find { it.serviceCode == '" + psychiatryOnly + "' }.coverage", closeTo(0.0, 1e-9));
    }

    @Test
    void groupsSummariseByKeyWithUnitsWithoutAValueLast() {
        json().queryParam("by", "unitType")
                .queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance/groups")
                .then()
                .statusCode(200)
                .body("by", equalTo("unitType"))
                .body("items.key", contains("PRIMARY_CARE", "PSYCHIATRY"))
                .body("items[0].units", equalTo(2))
                .body("items[0].compliant", equalTo(1))
                .body("items[0].partial", equalTo(1))
                .body("items[0].averageScore", closeTo(0.75, 1e-9))
                .body("items[1].nonCompliant", equalTo(1));
        json().queryParam("by", "municipality")
                .queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance/groups")
                .then()
                .body("items.key", contains("Kalmar", "Nybro", null));
        assertProblem(
                        json().queryParam("asOf", AS_OF)
                                .queryParam("baseline", draft)
                                .get("/api/v1/compliance/groups")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("by"));
        assertProblem(
                json().queryParam("by", "colour")
                        .queryParam("baseline", draft)
                        .get("/api/v1/compliance/groups")
                        .then(),
                400);
    }

    @Test
    void theTrendHasOnePointPerIntervalComputedAsOfItsDate() {
        json().queryParam("from", "2019-01-01")
                .queryParam("to", "2021-06-30")
                .queryParam("interval", "year")
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance/trend")
                .then()
                .statusCode(200)
                .body("items.date", contains("2019-01-01", "2020-01-01", "2021-01-01"))
                .body("items[0].units", equalTo(4))
                .body("items[0].compliant", equalTo(0))
                .body("items[0].averageScore", closeTo(0.0, 1e-9))
                .body("items[1].compliant", equalTo(1))
                .body("items[1].baseline.id", equalTo((int) draft));
        json().queryParam("from", "2020-01-31")
                .queryParam("to", "2020-04-30")
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance/trend")
                .then()
                .body("items.date", contains("2020-01-31", "2020-02-29", "2020-03-31", "2020-04-30"));
        json().queryParam("from", "2020-01-01")
                .queryParam("to", "2020-12-31")
                .queryParam("interval", "quarter")
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance/trend")
                .then()
                .body("items.date", contains("2020-01-01", "2020-04-01", "2020-07-01", "2020-10-01"));
        json().queryParam("from", "1800-01-01")
                .queryParam("to", "1800-01-01")
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance/trend")
                .then()
                .statusCode(200)
                .body("items[0].baseline", nullValue())
                .body("items[0].compliant", nullValue())
                .body("items[0].units", equalTo(4));
        assertProblem(
                        json().queryParam("from", "2021-01-01")
                                .queryParam("to", "2020-01-01")
                                .get("/api/v1/compliance/trend")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("from"));
        assertProblem(
                json().queryParam("interval", "week")
                        .get("/api/v1/compliance/trend")
                        .then(),
                400);
        assertProblem(
                json().queryParam("from", "1000-01-01")
                        .queryParam("to", "2000-01-01")
                        .get("/api/v1/compliance/trend")
                        .then(),
                400);
    }

    @Test
    void withoutABaselineTheRevisionInForceOnTheDateIsUsed() {
        LocalDate date = farDate();
        long published = publishBaseline(date, Map.of(s1, List.of()));
        json().queryParam("asOf", date.toString())
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .body("baseline.id", equalTo((int) published))
                .body("baseline.status", equalTo("PUBLISHED"))
                .body("summary.compliant", equalTo(2));
        json().queryParam("from", date.toString())
                .queryParam("to", date.toString())
                .queryParam("careProvider", provider)
                .get("/api/v1/compliance/trend")
                .then()
                .body("items[0].baseline.id", equalTo((int) published))
                .body("items[0].compliant", equalTo(2));
        assertProblem(
                json().queryParam("asOf", "1800-01-01")
                        .get("/api/v1/compliance")
                        .then(),
                404);
        assertProblem(
                json().queryParam("asOf", "1800-01-01")
                        .get("/api/v1/compliance/services")
                        .then(),
                404);
        assertProblem(
                json().queryParam("asOf", "1800-01-01")
                        .get("/api/v1/care-units/" + a + "/compliance")
                        .then(),
                404);
    }

    @Test
    void badParametersAndUnknownThingsAreRefused() {
        assertProblem(
                        json().queryParam("asOf", "2024-02-30")
                                .get("/api/v1/compliance")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("asOf"));
        assertProblem(
                        json().queryParam("baseline", "senaste")
                                .get("/api/v1/compliance")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("baseline"));
        assertProblem(
                json().queryParam("baseline", 999_999_999)
                        .get("/api/v1/compliance")
                        .then(),
                404);
        assertProblem(
                json().queryParam("unitType", "HOSPITAL")
                        .get("/api/v1/compliance")
                        .then(),
                400);
        assertProblem(
                json().queryParam("baseline", draft)
                        .get("/api/v1/care-units/" + newCareProvider() + "-X/compliance")
                        .then(),
                404);
        assertProblem(
                json().queryParam("baseline", draft)
                        .queryParam("asOf", AS_OF)
                        .get("/api/v1/care-units/" + provider + "-LATER/compliance")
                        .then(),
                404);
        assertProblem(
                json().queryParam("baseline", draft)
                        .get("/api/v1/care-units/SE1/compliance")
                        .then(),
                400);
        assertProblem(
                se.basutbud.support.Api.asAdmin()
                        .accept("application/xml")
                        .queryParam("baseline", draft)
                        .get("/api/v1/compliance")
                        .then(),
                406);
    }

    private static List<String> sorted(String... codes) {
        return java.util.Arrays.stream(codes).sorted().toList();
    }
}
