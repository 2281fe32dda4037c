package se.basutbud.exemption;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.draftBaseline;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.putUnit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import se.basutbud.support.FixedTimeSource;

@QuarkusTest
class ExemptionResourceTest {

    private static String exemptions(String hsaId) {
        return "/api/v1/care-units/" + hsaId + "/exemptions";
    }

    @Test
    void anExemptionIsCreatedReplacedListedAndRemoved() {
        String unit = newCareProvider() + "-1";
        putUnit(unit, "PSYCHIATRY", Map.of());
        String b = createService("B");
        String a = createService("A");
        json().body(Map.of("reason", "Ingen vaccinationsmottagning"))
                .put(exemptions(unit) + "/" + b)
                .then()
                .statusCode(201)
                .body("serviceCode", equalTo(b))
                .body("reason", equalTo("Ingen vaccinationsmottagning"))
                .body("until", nullValue());
        json().body(Map.of("reason", "Ombyggnad", "until", "2030-01-01"))
                .put(exemptions(unit) + "/" + b)
                .then()
                .statusCode(200)
                .body("reason", equalTo("Ombyggnad"))
                .body("until", equalTo("2030-01-01"));
        json().body(Map.of("reason", "Annat"))
                .put(exemptions(unit) + "/" + a)
                .then()
                .statusCode(201);
        boolean aFirst = a.compareTo(b) < 0;
        json().get(exemptions(unit))
                .then()
                .statusCode(200)
                .body("serviceCode", aFirst ? contains(a, b) : contains(b, a))
                .body("reason", aFirst ? contains("Annat", "Ombyggnad") : contains("Ombyggnad", "Annat"));
        json().delete(exemptions(unit) + "/" + b).then().statusCode(204);
        json().get(exemptions(unit)).then().body("serviceCode", contains(a));
        assertProblem(json().delete(exemptions(unit) + "/" + b).then(), 404);
    }

    @Test
    void aReasonIsRequired() {
        String unit = newCareProvider() + "-1";
        putUnit(unit, "PSYCHIATRY", Map.of());
        assertProblem(
                        json().body(Map.of())
                                .put(exemptions(unit) + "/fornya-recept")
                                .then(),
                        400)
                .body("errors.field", contains("reason"));
        assertProblem(
                        json().body(Map.of("reason", "   "))
                                .put(exemptions(unit) + "/fornya-recept")
                                .then(),
                        400)
                .body("errors.field", contains("reason"));
        assertProblem(
                json().body(Map.of("reason", "x".repeat(1001)))
                        .put(exemptions(unit) + "/fornya-recept")
                        .then(),
                400);
        assertProblem(
                        json().body(Map.of("reason", "ok", "until", "nästa år"))
                                .put(exemptions(unit) + "/fornya-recept")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("until"));
        json().get(exemptions(unit)).then().body("$", empty());
    }

    @Test
    void unknownRetiredAndClosedAreRefused() {
        String unit = newCareProvider() + "-1";
        putUnit(unit, "PSYCHIATRY", Map.of());
        assertProblem(
                json().body(Map.of("reason", "x"))
                        .put(exemptions(unit) + "/finns-inte")
                        .then(),
                404);
        assertProblem(
                json().body(Map.of("reason", "x"))
                        .put(exemptions(newCareProvider() + "-1") + "/fornya-recept")
                        .then(),
                404);
        assertProblem(json().get(exemptions(newCareProvider() + "-1")).then(), 404);
        assertProblem(json().get(exemptions("inte-ett-hsa-id")).then(), 400);
        String retired = createService("Gammal");
        json().body(Map.of("name", "Gammal", "status", "RETIRED"))
                .put("/api/v1/e-services/" + retired)
                .then()
                .statusCode(200);
        assertProblem(
                json().body(Map.of("reason", "x"))
                        .put(exemptions(unit) + "/" + retired)
                        .then(),
                422);
        String closed = newCareProvider() + "-2";
        putUnit(closed, "PSYCHIATRY", Map.of("closedOn", "2020-01-01"));
        assertProblem(
                json().body(Map.of("reason", "x"))
                        .put(exemptions(closed) + "/fornya-recept")
                        .then(),
                409);
    }

    @Test
    void anExemptionStartsOnTheDayOfTheWriteAndEndingItKeepsThePast() {
        FixedTimeSource.setToday(LocalDate.of(2026, 3, 10));
        String unit = newCareProvider() + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of("openedOn", "2020-01-01"));
        String code = createService("Undantagen");
        long revision = draftBaseline(LocalDate.of(2020, 1, 1), Map.of(code, List.of()));
        json().body(Map.of("reason", "Saknar lokal"))
                .put(exemptions(unit) + "/" + code)
                .then()
                .statusCode(201)
                .body("since", equalTo("2026-03-10"))
                .body("until", nullValue());
        // Granted today, the exemption leaves yesterday's report as it was.
        compliance(unit, revision, "2026-03-09").body("missing", contains(code)).body("exempted", empty());
        compliance(unit, revision, "2026-03-10").body("exempted", contains(code));

        FixedTimeSource.setToday(LocalDate.of(2026, 4, 1));
        json().delete(exemptions(unit) + "/" + code).then().statusCode(204);
        json().get(exemptions(unit))
                .then()
                .body("since", contains("2026-03-10"))
                .body("until", contains("2026-04-01"));
        compliance(unit, revision, "2026-03-31").body("exempted", contains(code));
        compliance(unit, revision, "2026-04-01").body("exempted", empty());
        assertProblem(json().delete(exemptions(unit) + "/" + code).then(), 404);

        // Exempted again later: a second period, the first one kept.
        FixedTimeSource.setToday(LocalDate.of(2026, 5, 1));
        json().body(Map.of("reason", "Saknar lokal igen", "until", "2026-09-01"))
                .put(exemptions(unit) + "/" + code)
                .then()
                .statusCode(201)
                .body("since", equalTo("2026-05-01"));
        json().get(exemptions(unit))
                .then()
                .body("since", contains("2026-03-10", "2026-05-01"))
                .body("until", contains("2026-04-01", "2026-09-01"))
                .body("reason", contains("Saknar lokal", "Saknar lokal igen"));
        compliance(unit, revision, "2026-04-15").body("missing", contains(code));
        compliance(unit, revision, "2026-08-31").body("exempted", contains(code));
        compliance(unit, revision, "2026-09-01").body("missing", contains(code));
    }

    @Test
    void periodsDoNotOverlapAndEndAfterTheyStart() {
        FixedTimeSource.setToday(LocalDate.of(2026, 3, 10));
        String unit = newCareProvider() + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of("openedOn", "2020-01-01"));
        String code = createService("Undantagen");
        json().body(Map.of("reason", "Första", "since", "2025-01-01", "until", "2026-01-01"))
                .put(exemptions(unit) + "/" + code)
                .then()
                .statusCode(201);
        assertProblem(
                        json().body(Map.of("reason", "Andra", "since", "2025-12-01"))
                                .put(exemptions(unit) + "/" + code)
                                .then(),
                        409)
                .body("detail", containsString("2026-01-01"));
        assertProblem(
                json().body(Map.of("reason", "Andra", "since", "2026-04-01", "until", "2026-04-01"))
                        .put(exemptions(unit) + "/" + code)
                        .then(),
                422);
        json().body(Map.of("reason", "Andra", "since", "2026-01-01"))
                .put(exemptions(unit) + "/" + code)
                .then()
                .statusCode(201);
        // The period in force may not be moved back over the one before it either.
        assertProblem(
                json().body(Map.of("reason", "Andra", "since", "2025-06-01"))
                        .put(exemptions(unit) + "/" + code)
                        .then(),
                409);
        // One that has not started yet is removed when ended.
        String later = createService("Senare");
        json().body(Map.of("reason", "Planerad", "since", "2026-06-01"))
                .put(exemptions(unit) + "/" + later)
                .then()
                .statusCode(201);
        json().delete(exemptions(unit) + "/" + later).then().statusCode(204);
        json().get(exemptions(unit)).then().body("serviceCode", contains(code, code));
    }

    private static io.restassured.response.ValidatableResponse compliance(String unit, long revision, String asOf) {
        return json().queryParam("asOf", asOf)
                .queryParam("baseline", revision)
                .get("/api/v1/care-units/" + unit + "/compliance")
                .then()
                .statusCode(200);
    }
}
