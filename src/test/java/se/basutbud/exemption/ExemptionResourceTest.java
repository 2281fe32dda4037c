package se.basutbud.exemption;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.putUnit;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

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
}
