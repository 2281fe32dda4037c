package se.basutbud.goals;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import se.basutbud.support.FixedTimeSource;
import se.basutbud.support.Tokens;

/**
 * Goals over a constructed history, with "today" moved to a date of the test's own: every month's value is
 * known in advance, and so is each status.
 */
@QuarkusTest
class GoalResourceTest {

    private LocalDate today;
    private String provider;
    private String steady;
    private String rising;

    /**
     * Three health centres and a specialist clinic of a new care provider. {@code steady} is offered by the
     * first centre from a year ago, the second from six months ago, the third from three; {@code rising} by
     * the first from nine months ago and the second from five, never the third. Residents: 10,000 and 5,000
     * at the first two from 13 months ago, the second 20,000 from a month ago; the third has none until a
     * month ago (8,000). The clinic offers both, and is outside the goals' unit types.
     */
    private void history() {
        today = farDate();
        FixedTimeSource.setToday(today);
        provider = newCareProvider();
        steady = createService("Stadig tjänst");
        rising = createService("Växande tjänst");
        for (int unit = 1; unit <= 3; unit++) {
            putUnit(provider + "-" + unit, "PRIMARY_CARE", Map.of("municipality", "Målstad"));
        }
        putUnit(provider + "-4", "SPECIALIST_CARE", Map.of("municipality", "Målstad"));
        offer(provider + "-1", steady, months(12));
        offer(provider + "-2", steady, months(6));
        offer(provider + "-3", steady, months(3));
        offer(provider + "-1", rising, months(9));
        offer(provider + "-2", rising, months(5));
        offer(provider + "-4", steady, months(12));
        offer(provider + "-4", rising, months(12));
        residents(1, 10_000, months(13));
        residents(2, 5_000, months(13));
        residents(2, 20_000, months(1));
        residents(3, 8_000, months(1));
    }

    private LocalDate months(int back) {
        return today.minusMonths(back);
    }

    private void residents(int unit, int count, LocalDate from) {
        json().body(Map.of("count", count, "from", from.toString()))
                .put("/api/v1/care-units/" + provider + "-" + unit + "/listed-residents")
                .then()
                .statusCode(201);
    }

    private Map<String, Object> goal(String metric, String service, double target, LocalDate deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Mål " + metric);
        body.put("metric", metric);
        if (service != null) {
            body.put("serviceCode", service);
        }
        body.put("target", target);
        body.put("deadline", deadline.toString());
        body.put("from", months(12).toString());
        body.put("scope", Map.of("careProvider", provider, "unitTypes", List.of("PRIMARY_CARE")));
        body.put("source", "Regionplanen, mål 3");
        return body;
    }

    private JsonPath create(Map<String, Object> body) {
        return json().body(body)
                .post("/api/v1/goals")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/goals/"))
                .header("ETag", notNullValue())
                .extract()
                .jsonPath();
    }

    private static List<Double> values(JsonPath goal) {
        List<Double> values = new ArrayList<>();
        for (Object value : goal.getList("progress.history.value")) {
            values.add(value == null ? null : ((Number) value).doubleValue());
        }
        return values;
    }

    private static void assertValues(List<Double> expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i) == null) {
                assertEquals(null, actual.get(i), "month " + i);
            } else {
                assertEquals(expected.get(i), actual.get(i), 1e-9, "month " + i + " of " + actual);
            }
        }
    }

    @Test
    void serviceCoverageFollowsEveryMonthOfTheScopeAndIsMetWhenReached() {
        history();
        JsonPath goal = create(goal("SERVICE_COVERAGE", steady, 0.9, today.plusMonths(6)));

        double third = 1.0 / 3;
        List<Double> expected = new ArrayList<>();
        for (int back = 12; back >= 0; back--) {
            expected.add(back > 6 ? third : back > 3 ? 2 * third : 1.0);
        }
        assertValues(expected, values(goal));
        assertEquals(months(12).toString(), goal.getString("progress.history[0].date"));
        assertEquals(today.toString(), goal.getString("progress.history[-1].date"));
        assertEquals(1.0, goal.getDouble("progress.value"), 1e-9);
        assertEquals(today.toString(), goal.getString("progress.asOf"));
        assertEquals(-0.1, goal.getDouble("progress.gap"), 1e-9);
        assertEquals("MET", goal.getString("progress.status"));
        assertEquals("LEAST_SQUARES_LAST_12_MONTHS", goal.getString("progress.projection.method"));
        assertEquals(List.of("PRIMARY_CARE"), goal.getList("scope.unitTypes"));
        assertEquals(provider, goal.getString("scope.careProvider"));
        assertEquals(0.9, goal.getDouble("target"), 1e-9);

        // The same month by month as the coverage report of each date.
        List<String> dates = goal.getList("progress.history.date");
        for (int i = 0; i < dates.size(); i += 4) {
            double reported = json().queryParam("serviceCode", steady)
                    .queryParam("by", "unitType")
                    .queryParam("careProvider", provider)
                    .queryParam("unitType", "PRIMARY_CARE")
                    .queryParam("asOf", dates.get(i))
                    .get("/api/v1/coverage")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getDouble("summary.unitCoverage");
            assertEquals(reported, values(goal).get(i), 1e-9, dates.get(i));
        }
    }

    @Test
    void residentCoverageWeighsByTheLatestFigureAndLeavesUnknownUnitsOut() {
        history();
        JsonPath goal = create(goal("RESIDENT_COVERAGE", rising, 0.95, today.plusMonths(3)));

        // 12 and 11 months ago nobody offers it; then the first centre (10,000 of 15,000); from five months
        // ago the second too (15,000 of 15,000, the third unknown and left out); from a month ago the second
        // has 20,000 and the third 8,000 and does not offer it: 30,000 of 38,000.
        List<Double> expected = new ArrayList<>();
        for (int back = 12; back >= 0; back--) {
            expected.add(back > 9 ? 0.0 : back > 5 ? 10.0 / 15 : back > 1 ? 1.0 : 30.0 / 38);
        }
        assertValues(expected, values(goal));
        assertEquals(30.0 / 38, goal.getDouble("progress.value"), 1e-9);
        assertEquals(0.95 - 30.0 / 38, goal.getDouble("progress.gap"), 1e-9, "the target less the value today");
        // Below target today, but the line of the last year passes it before the deadline.
        assertEquals("ON_TRACK", goal.getString("progress.status"), goal.prettify());
        assertEquals(1.0, goal.getDouble("progress.projection.atDeadline"), 1e-9);
    }

    @Test
    void aRisingGoalIsOnTrackWithTimeLeftAtRiskWithoutAndMissedOnceItsDeadlinePassedBelowTarget() {
        history();
        // Two thirds today, rising about a twentieth a month over the last year.
        JsonPath far = create(goal("SERVICE_COVERAGE", rising, 0.9, today.plusYears(2)));
        assertEquals(2.0 / 3, far.getDouble("progress.value"), 1e-9);
        assertEquals("ON_TRACK", far.getString("progress.status"), far.prettify());
        assertEquals(1.0, far.getDouble("progress.projection.atDeadline"), 1e-9, "kept within 0..1");

        JsonPath near = create(goal("SERVICE_COVERAGE", rising, 0.95, today.plusMonths(1)));
        assertEquals("AT_RISK", near.getString("progress.status"), near.prettify());

        Map<String, Object> passed = goal("SERVICE_COVERAGE", rising, 0.9, months(2));
        JsonPath missed = create(passed);
        assertEquals("MISSED", missed.getString("progress.status"), "two thirds on its deadline");
        Map<String, Object> reached = goal("SERVICE_COVERAGE", steady, 0.9, months(2));
        assertEquals("MET", create(reached).getString("progress.status"), "all three on its deadline");

        // The list of those that need attention.
        List<Integer> atRisk = json().queryParam("status", "AT_RISK")
                .queryParam("size", 500)
                .get("/api/v1/goals")
                .then()
                .statusCode(200)
                .body("items.progress.status", not(hasItem("MET")))
                .extract()
                .jsonPath()
                .getList("items.id");
        assertEquals(true, atRisk.contains(near.getInt("id")));
        assertEquals(false, atRisk.contains(far.getInt("id")));
        assertEquals(false, atRisk.contains(missed.getInt("id")));
    }

    @Test
    void complianceGoalsFollowTheRevisionInForceOnEachDateAsTheTrendDoes() {
        history();
        publishBaseline(months(12).minusDays(1), Map.of(steady, List.of(), rising, List.of("PRIMARY_CARE")));
        JsonPath share = create(goal("COMPLIANT_SHARE", null, 0.5, today.plusMonths(6)));
        JsonPath score = create(goal("AVERAGE_SCORE", null, 0.9, today.plusMonths(6)));
        List<String> dates = share.getList("progress.history.date");
        for (int i = 0; i < dates.size(); i += 3) {
            JsonPath point = json().queryParam("from", dates.get(i))
                    .queryParam("to", dates.get(i))
                    .queryParam("careProvider", provider)
                    .queryParam("unitType", "PRIMARY_CARE")
                    .get("/api/v1/compliance/trend")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(
                    point.getDouble("items[0].compliant") / point.getDouble("items[0].units"),
                    values(share).get(i),
                    1e-9,
                    dates.get(i));
            assertEquals(point.getDouble("items[0].averageScore"), values(score).get(i), 1e-9, dates.get(i));
        }
        // Today the first two centres offer both, the third only the steady one: two of three compliant.
        assertEquals(2.0 / 3, share.getDouble("progress.value"), 1e-9);
        assertEquals((1 + 1 + 0.5) / 3, score.getDouble("progress.value"), 1e-9);
    }

    @Test
    void goalsAreReplacedWithIfMatchDeletedAndAudited() {
        history();
        String location = json().body(goal("SERVICE_COVERAGE", steady, 0.9, today.plusMonths(6)))
                .post("/api/v1/goals")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String etag = json().get(location).then().statusCode(200).extract().header("ETag");
        assertEquals(
                etag, json().get(location).then().extract().header("ETag"), "the tag names the goal, not the hour");

        Map<String, Object> changed = goal("SERVICE_COVERAGE", steady, 0.8, today.plusMonths(9));
        String newTag = json().header("If-Match", etag)
                .body(changed)
                .put(location)
                .then()
                .statusCode(200)
                .body("target", equalTo(0.8))
                .body("deadline", equalTo(today.plusMonths(9).toString()))
                .extract()
                .header("ETag");
        assertNotEquals(etag, newTag);
        assertProblem(
                json().header("If-Match", etag).body(changed).put(location).then(), 412);
        assertProblem(json().header("If-Match", etag).delete(location).then(), 412);
        json().header("If-Match", newTag).delete(location).then().statusCode(204);
        assertProblem(json().get(location).then(), 404);

        String id = location.substring(location.lastIndexOf('/') + 1);
        json().queryParam("entityType", "GOAL")
                .queryParam("key", id)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.action", contains("DELETE", "UPDATE", "CREATE"))
                .body("items[1].before.target", equalTo(0.9))
                .body("items[1].after.target", equalTo(0.8))
                .body("items[2].after.progress", nullValue());
    }

    @Test
    void aGoalIsRefusedWhenItsMetricServiceOrDatesDoNotFitAndOnlyAdministratorsSetThem() {
        history();
        Map<String, Object> noService = goal("SERVICE_COVERAGE", null, 0.9, today.plusMonths(6));
        assertProblem(json().body(noService).post("/api/v1/goals").then(), 400)
                .body("errors[0].field", equalTo("serviceCode"));
        Map<String, Object> serviceWithScore = goal("AVERAGE_SCORE", steady, 0.9, today.plusMonths(6));
        assertProblem(json().body(serviceWithScore).post("/api/v1/goals").then(), 400)
                .body("errors[0].field", equalTo("serviceCode"));
        Map<String, Object> unknown = goal("SERVICE_COVERAGE", "finns-inte", 0.9, today.plusMonths(6));
        assertProblem(json().body(unknown).post("/api/v1/goals").then(), 400)
                .body("errors[0].field", equalTo("serviceCode"));
        Map<String, Object> overOne = goal("SERVICE_COVERAGE", steady, 1.5, today.plusMonths(6));
        assertProblem(json().body(overOne).post("/api/v1/goals").then(), 400)
                .body("errors[0].field", equalTo("target"));
        Map<String, Object> backwards = goal("SERVICE_COVERAGE", steady, 0.9, months(13));
        assertProblem(json().body(backwards).post("/api/v1/goals").then(), 400)
                .body("errors[0].field", equalTo("from"));
        Map<String, Object> badType = goal("SERVICE_COVERAGE", steady, 0.9, today.plusMonths(6));
        badType.put("scope", Map.of("unitTypes", List.of("HOSPITAL")));
        assertProblem(json().body(badType).post("/api/v1/goals").then(), 400);
        assertProblem(
                        json().queryParam("status", "SOMETIMES")
                                .get("/api/v1/goals")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("status"));
        assertProblem(json().get("/api/v1/goals/not-a-number").then(), 400);
        assertProblem(json().get("/api/v1/goals/999999999").then(), 404);

        Map<String, Object> fine = goal("SERVICE_COVERAGE", steady, 0.9, today.plusMonths(6));
        assertProblem(
                jsonAs(Tokens.editor(provider)).body(fine).post("/api/v1/goals").then(), 403);
        assertProblem(jsonAs(Tokens.reader()).body(fine).post("/api/v1/goals").then(), 403);
        int id = create(fine).getInt("id");
        jsonAs(Tokens.reader())
                .get("/api/v1/goals/" + id)
                .then()
                .statusCode(200)
                .body("progress.status", equalTo("MET"));
        assertProblem(
                jsonAs(Tokens.editor(provider)).delete("/api/v1/goals/" + id).then(), 403);
        assertProblem(se.basutbud.support.Api.request().get("/api/v1/goals").then(), 401);
    }
}
