package se.basutbud.concurrency;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.draftBaseline;
import static se.basutbud.support.Api.farDate;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.putUnit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import se.basutbud.support.DependsOnTheDatabaseServer;

/** Real threads against the real database: the rules hold however writes interleave. */
@QuarkusTest
@TestProfile(DependsOnTheDatabaseServer.Profile.class)
@DependsOnTheDatabaseServer
class ConcurrentEditsTest {

    private static final int WRITERS = 8;

    /** Runs the writes at once (released together) and answers their status codes. */
    private static List<Integer> race(List<Callable<Integer>> writes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writes.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> write : writes) {
                results.add(pool.submit(() -> {
                    start.await();
                    return write.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<Integer> statuses, int status) {
        return statuses.stream().filter(s -> s == status).count();
    }

    @Test
    void singleResourcesCarryAnETagThatIfMatchChecks() {
        String unit = newCareProvider() + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of("name", "Ett"));
        String etag = json().get("/api/v1/care-units/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertTrue(etag.matches("^\"[0-9a-f]{32}\"$"), etag);

        String next = json().header("If-Match", etag)
                .body(Map.of("name", "Två", "unitType", "PRIMARY_CARE"))
                .put("/api/v1/care-units/" + unit)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertNotEquals(etag, next);
        assertEquals(
                next, json().get("/api/v1/care-units/" + unit).then().extract().header("ETag"));
        assertProblem(
                json().header("If-Match", etag)
                        .body(Map.of("name", "Tre", "unitType", "PRIMARY_CARE"))
                        .put("/api/v1/care-units/" + unit)
                        .then(),
                412);
        json().get("/api/v1/care-units/" + unit).then().body("name", equalTo("Två"));
        // Strong comparison: the weak form of the current tag is refused; "*" matches whatever exists.
        assertProblem(
                json().header("If-Match", "W/" + next)
                        .body(Map.of("name", "Tre", "unitType", "PRIMARY_CARE"))
                        .put("/api/v1/care-units/" + unit)
                        .then(),
                412);
        json().header("If-Match", "*")
                .body(Map.of("name", "Två och en halv", "unitType", "PRIMARY_CARE"))
                .put("/api/v1/care-units/" + unit)
                .then()
                .statusCode(200)
                .body("name", equalTo("Två och en halv"));
        assertProblem(
                json().header("If-Match", "*")
                        .body(Map.of("name", "Ny", "unitType", "PRIMARY_CARE"))
                        .put("/api/v1/care-units/" + newCareProvider() + "-1")
                        .then(),
                412);
        // Without If-Match a write is unconditional, as before.
        json().body(Map.of("name", "Fyra", "unitType", "PRIMARY_CARE"))
                .put("/api/v1/care-units/" + unit)
                .then()
                .statusCode(200);
        assertProblem(
                json().header("If-Match", etag)
                        .body(Map.of("name", "X", "unitType", "OTHER"))
                        .put("/api/v1/care-units/" + newCareProvider() + "-1")
                        .then(),
                412);

        String code = createService("Namn");
        String serviceTag =
                json().get("/api/v1/e-services/" + code).then().extract().header("ETag");
        json().header("If-Match", serviceTag)
                .body(Map.of("name", "Nytt", "status", "ACTIVE"))
                .put("/api/v1/e-services/" + code)
                .then()
                .statusCode(200);
        assertProblem(
                json().header("If-Match", serviceTag)
                        .body(Map.of("name", "Äldre", "status", "ACTIVE"))
                        .put("/api/v1/e-services/" + code)
                        .then(),
                412);
        json().get("/api/v1/e-services/" + code).then().body("name", equalTo("Nytt"));

        long draft = draftBaseline(farDate(), Map.of(code, List.of()));
        String draftTag =
                json().get("/api/v1/baselines/" + draft).then().extract().header("ETag");
        json().header("If-Match", draftTag)
                .body(Map.of("unitTypes", List.of("DENTAL_CARE")))
                .put("/api/v1/baselines/" + draft + "/requirements/" + code)
                .then()
                .statusCode(200);
        assertProblem(
                json().header("If-Match", draftTag)
                        .post("/api/v1/baselines/" + draft + "/publish")
                        .then(),
                412);
        assertProblem(
                json().header("If-Match", draftTag)
                        .delete("/api/v1/baselines/" + draft)
                        .then(),
                412);
        json().get("/api/v1/baselines/" + draft).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void twoEditorsWhoReadTheSameVersionCannotBothWrite() throws Exception {
        String unit = newCareProvider() + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of("name", "Original"));
        String etag = json().get("/api/v1/care-units/" + unit).then().extract().header("ETag");
        List<Callable<Integer>> editors = List.of(
                () -> json().header("If-Match", etag)
                        .body(Map.of("name", "Anna", "unitType", "PRIMARY_CARE"))
                        .put("/api/v1/care-units/" + unit)
                        .then()
                        .extract()
                        .statusCode(),
                () -> json().header("If-Match", etag)
                        .body(Map.of("name", "Bertil", "unitType", "PRIMARY_CARE"))
                        .put("/api/v1/care-units/" + unit)
                        .then()
                        .extract()
                        .statusCode());
        List<Integer> statuses = race(editors);
        assertEquals(1, count(statuses, 200), statuses.toString());
        assertEquals(1, count(statuses, 412), statuses.toString());
        String winner = statuses.get(0) == 200 ? "Anna" : "Bertil";
        json().get("/api/v1/care-units/" + unit).then().body("name", equalTo(winner));
        assertEquals(
                List.of("UPDATE", "CREATE"),
                json().queryParam("key", unit)
                        .get("/api/v1/audit")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.action"));
    }

    @Test
    void racingOfferingsNeverOverlap() throws Exception {
        String unit = newCareProvider() + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        String code = createService("Tjänst");
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            LocalDate since = LocalDate.of(2020, 1, 1).plusMonths(i);
            writers.add(() -> json().body(Map.of("since", since.toString()))
                    .put("/api/v1/care-units/" + unit + "/offerings/" + code)
                    .then()
                    .extract()
                    .statusCode());
        }
        List<Integer> statuses = race(writers);
        assertEquals(1, count(statuses, 201), statuses.toString());
        assertEquals(WRITERS - 1, count(statuses, 200) + count(statuses, 409), statuses.toString());
        json().get("/api/v1/care-units/" + unit + "/offerings/" + code).then().body("size()", equalTo(1));
    }

    @Test
    void racingRequirementWritesLeaveOneRequirement() throws Exception {
        String code = createService("Tjänst");
        long draft = draftBaseline(farDate(), Map.of());
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            List<String> types = i % 2 == 0 ? List.of("PRIMARY_CARE") : List.of();
            writers.add(() -> json().body(Map.of("unitTypes", types))
                    .put("/api/v1/baselines/" + draft + "/requirements/" + code)
                    .then()
                    .extract()
                    .statusCode());
        }
        List<Integer> statuses = race(writers);
        assertEquals(WRITERS, count(statuses, 200), statuses.toString());
        json().get("/api/v1/baselines/" + draft).then().body("requirements.size()", equalTo(1));
    }

    @Test
    void aRevisionIsPublishedOnceAndOneRevisionPerDate() throws Exception {
        String code = createService("Tjänst");
        LocalDate date = farDate();
        long first = draftBaseline(date, Map.of(code, List.of()));
        long second = draftBaseline(date, Map.of(code, List.of()));
        List<Callable<Integer>> publishers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            long id = i % 2 == 0 ? first : second;
            publishers.add(() -> json().post("/api/v1/baselines/" + id + "/publish")
                    .then()
                    .extract()
                    .statusCode());
        }
        List<Integer> statuses = race(publishers);
        assertEquals(1, count(statuses, 200), statuses.toString());
        assertEquals(WRITERS - 1, count(statuses, 409), statuses.toString());
        List<String> states = List.of(
                json().get("/api/v1/baselines/" + first).then().extract().path("status"),
                json().get("/api/v1/baselines/" + second).then().extract().path("status"));
        assertEquals(1, states.stream().filter("PUBLISHED"::equals).count(), states.toString());
        assertEquals(
                1,
                json()
                        .queryParam("entityType", "BASELINE")
                        .queryParam(
                                "key", statuses.indexOf(200) % 2 == 0 ? Long.toString(first) : Long.toString(second))
                        .get("/api/v1/audit")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items.action")
                        .stream()
                        .filter("PUBLISH"::equals)
                        .count());
    }
}
