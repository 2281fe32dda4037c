package se.basutbud.compliance;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.draftBaseline;
import static se.basutbud.support.Api.farDate;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.offer;
import static se.basutbud.support.Api.publishBaseline;
import static se.basutbud.support.Api.putUnit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * In force: s1 for every unit, s3 for rehabilitation only (no such unit here). The draft: s1, s2 for primary
 * care only, and s3 for every unit. A (primary care) offers s1, s2 and s3: compliant under both. B (primary care)
 * offers s1: compliant, then partial. C (psychiatry) offers s1: compliant, then partial (s3). D (psychiatry) offers
 * s1 and s3: compliant under both.
 */
@QuarkusTest
class RevisionDiffTest {

    private static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

    @Test
    void aDraftsDiffListsItsRequirementsAndTheUnitsWhoseStatusItChanges() {
        String provider = newCareProvider();
        String s1 = createService("Ett");
        String s2 = createService("Två");
        String s3 = createService("Tre");
        String a = provider + "-A";
        String b = provider + "-B";
        String c = provider + "-C";
        String d = provider + "-D";
        putUnit(a, "PRIMARY_CARE", Map.of());
        putUnit(b, "PRIMARY_CARE", Map.of());
        putUnit(c, "PSYCHIATRY", Map.of());
        putUnit(d, "PSYCHIATRY", Map.of());
        for (String unit : List.of(a, b, c, d)) {
            offer(unit, s1, SINCE);
        }
        offer(a, s2, SINCE);
        offer(a, s3, SINCE);
        offer(d, s3, SINCE);
        LocalDate day = farDate();
        long inForce = publishBaseline(day, Map.of(s1, List.of(), s3, List.of("REHABILITATION")));
        long draft = draftBaseline(day.plusYears(1), Map.of(s1, List.of(), s2, List.of("PRIMARY_CARE"), s3, List.of()));

        JsonPath diff = json().queryParam("asOf", day.toString())
                .queryParam("careProvider", provider)
                .get("/api/v1/baselines/" + draft + "/diff")
                .then()
                .statusCode(200)
                .body("from.id", equalTo((int) inForce))
                .body("to.id", equalTo((int) draft))
                .body("added.serviceCode", contains(s2))
                .body("added[0].unitTypes", contains("PRIMARY_CARE"))
                .body("removed", empty())
                .body("changed.serviceCode", contains(s3))
                .body("changed[0].from", contains("REHABILITATION"))
                .body("changed[0].to", empty())
                .body("impact.asOf", equalTo(day.toString()))
                .body("impact.compliant.from", equalTo(4))
                .body("impact.compliant.to", equalTo(2))
                .body("impact.statusChanges.size()", equalTo(1))
                .body("impact.statusChanges[0].from", equalTo("COMPLIANT"))
                .body("impact.statusChanges[0].to", equalTo("PARTIAL"))
                .body("impact.statusChanges[0].units", equalTo(2))
                .body("impact.units.hsaId", contains(b, c))
                .body("impact.unitsTotal", equalTo(2))
                .body("impact.averageScore.from", closeTo(1.0, 1e-9))
                .extract()
                .jsonPath();

        // Unit by unit, the impact is what the two reports say.
        Map<String, Map<String, Object>> before = report(provider, day, inForce);
        Map<String, Map<String, Object>> after = report(provider, day, draft);
        for (Map<String, Object> unit : diff.<Map<String, Object>>getList("impact.units")) {
            String hsaId = (String) unit.get("hsaId");
            @SuppressWarnings("unchecked")
            Map<String, Object> from = (Map<String, Object>) unit.get("from");
            @SuppressWarnings("unchecked")
            Map<String, Object> to = (Map<String, Object>) unit.get("to");
            assertEquals(before.get(hsaId).get("status"), from.get("status"), hsaId);
            assertEquals(before.get(hsaId).get("score"), from.get("score"), hsaId);
            assertEquals(after.get(hsaId).get("status"), to.get("status"), hsaId);
            assertEquals(after.get(hsaId).get("score"), to.get("score"), hsaId);
        }
        long changedInReports = before.keySet().stream()
                .filter(hsaId ->
                        !before.get(hsaId).get("status").equals(after.get(hsaId).get("status")))
                .count();
        assertEquals(2, changedInReports);
        assertEquals(
                (double) after.values().stream()
                                .mapToDouble(u -> ((Number) u.get("score")).doubleValue())
                                .sum()
                        / 4,
                diff.getDouble("impact.averageScore.to"),
                1e-9);

        // A page at a time; the other way round against a revision named.
        json().queryParam("asOf", day.toString())
                .queryParam("careProvider", provider)
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/v1/baselines/" + draft + "/diff")
                .then()
                .body("impact.units.hsaId", contains(c))
                .body("impact.unitsTotal", equalTo(2));
        json().queryParam("asOf", day.toString())
                .queryParam("careProvider", provider)
                .queryParam("against", draft)
                .get("/api/v1/baselines/" + inForce + "/diff")
                .then()
                .statusCode(200)
                .body("removed.serviceCode", contains(s2))
                .body("impact.statusChanges[0].from", equalTo("PARTIAL"))
                .body("impact.statusChanges[0].to", equalTo("COMPLIANT"));
    }

    private static Map<String, Map<String, Object>> report(String provider, LocalDate day, long baseline) {
        Map<String, Map<String, Object>> units = new HashMap<>();
        json().queryParam("asOf", day.toString())
                .queryParam("careProvider", provider)
                .queryParam("baseline", baseline)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("units")
                .forEach(unit -> units.put((String) unit.get("hsaId"), unit));
        return units;
    }

    @Test
    void unknownRevisionsAreNotFound() {
        assertProblem(json().get("/api/v1/baselines/999999999/diff").then(), 404);
        assertProblem(json().get("/api/v1/baselines/x/diff").then(), 400);
        long draft = draftBaseline(farDate(), Map.of());
        assertProblem(
                json().queryParam("against", 999999999)
                        .get("/api/v1/baselines/" + draft + "/diff")
                        .then(),
                404);
        assertProblem(
                json().queryParam("asOf", "0001-01-01")
                        .get("/api/v1/baselines/" + draft + "/diff")
                        .then(),
                404);
    }
}
