package se.basutbud.exemption;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.farDate;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.jsonAs;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.offer;
import static se.basutbud.support.Api.publishBaseline;
import static se.basutbud.support.Api.putUnit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import se.basutbud.support.FixedTimeSource;
import se.basutbud.support.Tokens;

/**
 * Exemptions are management's decision: a unit editor asks, an administrator approves or rejects, and only
 * approved exemptions count, in a unit's compliance, in coverage and on its contact card.
 */
@QuarkusTest
class ExemptionWorkflowTest {

    private LocalDate today;
    private String provider;
    private String unit;
    private String required;
    private String other;

    /** A health centre that offers one of the two services a revision of its own requires. */
    private void region() {
        today = farDate();
        FixedTimeSource.setToday(today);
        provider = newCareProvider();
        unit = provider + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of("municipality", "Undantagsby"));
        required = createService("Krävd tjänst");
        other = createService("Annan krävd tjänst");
        publishBaseline(today, Map.of(required, List.of(), other, List.of()));
        offer(unit, other, today);
    }

    private RequestSpecification editor() {
        return jsonAs(Tokens.editor(provider));
    }

    private String exemption() {
        return "/api/v1/care-units/" + unit + "/exemptions/" + required;
    }

    private void assertCounts(boolean exempted) {
        json().get("/api/v1/care-units/" + unit + "/compliance")
                .then()
                .statusCode(200)
                .body("exempted", exempted ? contains(required) : not(hasItem(required)))
                .body("missing", exempted ? not(hasItem(required)) : contains(required))
                .body("status", equalTo(exempted ? "COMPLIANT" : "PARTIAL"));
        json().queryParam("serviceCode", required)
                .queryParam("by", "municipality")
                .queryParam("careProvider", provider)
                .get("/api/v1/coverage")
                .then()
                .statusCode(200)
                .body("summary.exemptedUnits", equalTo(exempted ? 1 : 0));
    }

    @Test
    void aUnitEditorAsksAndTheExemptionCountsOnlyOnceAnAdministratorApprovesIt() {
        region();
        editor().body(Map.of("reason", "Journalsystemet kan inte", "reasonCode", "TECHNICAL"))
                .put(exemption())
                .then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"))
                .body("reasonCode", equalTo("TECHNICAL"))
                .body("requestedBy", equalTo("test-editor"))
                .body("decidedBy", nullValue())
                .body("decidedAt", nullValue());
        assertCounts(false);

        // The administrators' queue has it; the editor may neither see the queue nor decide.
        json().queryParam("status", "REQUESTED")
                .queryParam("size", 500)
                .get("/api/v1/exemptions")
                .then()
                .statusCode(200)
                .body("items.find { it.hsaId == '" + unit + "' }.exemption.serviceCode", equalTo(required))
                .body("items.find { it.hsaId == '" + unit + "' }.careProvider", equalTo(provider));
        assertProblem(editor().get("/api/v1/exemptions").then(), 403);
        assertProblem(editor().body(Map.of()).post(exemption() + "/approve").then(), 403);

        json().body(Map.of("note", "Beslutat av sjukvårdsledningen"))
                .post(exemption() + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("test-admin"))
                .body("decidedAt", notNullValue())
                .body("decisionNote", equalTo("Beslutat av sjukvårdsledningen"));
        assertCounts(true);
        json().get("/api/v1/contact-cards/" + unit).then().statusCode(200);
        assertProblem(json().body(Map.of()).post(exemption() + "/approve").then(), 409);
        json().queryParam("status", "REQUESTED")
                .queryParam("size", 500)
                .get("/api/v1/exemptions")
                .then()
                .body("items.hsaId", not(hasItem(unit)));

        // A unit editor's change is asked for again, and stops counting until it is approved.
        editor().body(Map.of("reason", "Journalsystemet kan inte förrän 2030", "reasonCode", "TEMPORARY"))
                .put(exemption())
                .then()
                .statusCode(200)
                .body("status", equalTo("REQUESTED"));
        assertCounts(false);
        json().get("/api/v1/audit?entityType=EXEMPTION&key=" + unit + "/" + required)
                .then()
                .statusCode(200)
                .body("items.action", contains("UPDATE", "UPDATE", "CREATE"));
    }

    @Test
    void aRejectedRequestNeedsAReasonIsKeptAsHistoryAndNeverBlocksANewOne() {
        region();
        editor().body(Map.of("reason", "Vi hinner inte"))
                .put(exemption())
                .then()
                .statusCode(201);
        assertProblem(json().body(Map.of()).post(exemption() + "/reject").then(), 400)
                .body("errors[0].field", equalTo("note"));
        json().body(Map.of("note", "Tidbrist är inget skäl"))
                .post(exemption() + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decisionNote", equalTo("Tidbrist är inget skäl"));
        assertCounts(false);
        assertProblem(
                json().body(Map.of("note", "igen"))
                        .post(exemption() + "/reject")
                        .then(),
                409);

        // A new request for the same days is a new period beside the rejected one.
        editor().body(Map.of("reason", "Lokalen byggs om", "reasonCode", "TEMPORARY"))
                .put(exemption())
                .then()
                .statusCode(201)
                .body("status", equalTo("REQUESTED"));
        json().get("/api/v1/care-units/" + unit + "/exemptions")
                .then()
                .statusCode(200)
                .body("status", contains("REJECTED", "REQUESTED"));
    }

    @Test
    void anAdministratorsExemptionIsApprovedAtOnceAndTheQueueShowsThoseAboutToLapse() {
        region();
        json().body(Map.of(
                        "reason",
                        "Enheten gör inte det arbetet",
                        "reasonCode",
                        "NOT_APPLICABLE",
                        "until",
                        today.plusDays(10).toString()))
                .put(exemption())
                .then()
                .statusCode(201)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("test-admin"))
                .body("requestedBy", equalTo("test-admin"));
        assertCounts(true);
        json().queryParam("expiringBefore", today.plusDays(30).toString())
                .queryParam("size", 500)
                .get("/api/v1/exemptions")
                .then()
                .statusCode(200)
                .body("items.hsaId", hasItem(unit));
        json().queryParam("expiringBefore", today.plusDays(5).toString())
                .queryParam("size", 500)
                .get("/api/v1/exemptions")
                .then()
                .body("items.hsaId", not(hasItem(unit)));
        assertProblem(
                        json().queryParam("status", "MAYBE")
                                .get("/api/v1/exemptions")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("status"));
        assertProblem(
                        json().queryParam("expiringBefore", "soon")
                                .get("/api/v1/exemptions")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("expiringBefore"));
        assertProblem(
                json().body(Map.of("reason", "x", "reasonCode", "BECAUSE"))
                        .put(exemption())
                        .then(),
                400);
    }
}
