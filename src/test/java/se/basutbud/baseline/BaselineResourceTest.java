package se.basutbud.baseline;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.draftBaseline;
import static se.basutbud.support.Api.farDate;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.publishBaseline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BaselineResourceTest {

    @Test
    void ifMatchOnARequirementsDeleteNamesTheDraftsCurrentVersionStrongly() {
        String a = createService("A-tjänst");
        String b = createService("B-tjänst");
        long id = json().body(Map.of("name", "Basutbud 2027", "validFrom", "2027-01-01"))
                .post("/api/v1/baselines")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        json().body(Map.of())
                .put("/api/v1/baselines/" + id + "/requirements/" + a)
                .then()
                .statusCode(200);
        String etag = json().body(Map.of())
                .put("/api/v1/baselines/" + id + "/requirements/" + b)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        // If-Match compares strongly: the weak form of the current tag does not match.
        assertProblem(
                        json().header("If-Match", "W/" + etag)
                                .delete("/api/v1/baselines/" + id + "/requirements/" + b)
                                .then(),
                        412)
                .body("type", equalTo("/problems/precondition-failed"));
        assertProblem(
                json().header("If-Match", "\"stale\"")
                        .delete("/api/v1/baselines/" + id + "/requirements/" + b)
                        .then(),
                412);
        json().header("If-Match", "\"stale\", " + etag)
                .delete("/api/v1/baselines/" + id + "/requirements/" + b)
                .then()
                .statusCode(204);
        // The draft changed with the delete: the tag read before it is stale now, and "*" matches any version.
        assertProblem(
                json().header("If-Match", etag)
                        .delete("/api/v1/baselines/" + id + "/requirements/" + a)
                        .then(),
                412);
        json().get("/api/v1/baselines/" + id).then().body("requirements.serviceCode", contains(a));
        json().header("If-Match", "*")
                .delete("/api/v1/baselines/" + id + "/requirements/" + a)
                .then()
                .statusCode(204);
        json().get("/api/v1/baselines/" + id).then().body("requirements", empty());
    }

    @Test
    void aDraftGetsRequirementsLimitedToUnitTypesSortedByCode() {
        String b = createService("B-tjänst");
        String a = createService("A-tjänst");
        long id = json().body(Map.of("name", "Basutbud 2027", "validFrom", "2027-01-01", "decision", "SVL § 12"))
                .post("/api/v1/baselines")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/baselines/"))
                .extract()
                .jsonPath()
                .getLong("id");
        json().body(Map.of("unitTypes", List.of("PSYCHIATRY", "PRIMARY_CARE", "PRIMARY_CARE")))
                .put("/api/v1/baselines/" + id + "/requirements/" + b)
                .then()
                .statusCode(200);
        boolean aFirst = a.compareTo(b) < 0;
        json().body(Map.of())
                .put("/api/v1/baselines/" + id + "/requirements/" + a)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("publishedAt", nullValue())
                .body("decision", equalTo("SVL § 12"))
                .body("requirements.serviceCode", aFirst ? contains(a, b) : contains(b, a))
                .body("requirements.find { it.serviceCode == '" + a + "' }.unitTypes", empty())
                .body(
                        "requirements.find { it.serviceCode == '" + b + "' }.unitTypes",
                        contains("PRIMARY_CARE", "PSYCHIATRY"));
        json().delete("/api/v1/baselines/" + id + "/requirements/" + b).then().statusCode(204);
        json().get("/api/v1/baselines/" + id).then().statusCode(200).body("requirements.serviceCode", contains(a));
        assertProblem(
                json().delete("/api/v1/baselines/" + id + "/requirements/" + b).then(), 404);
    }

    @Test
    void publishingFreezesTheRevision() {
        String code = createService("Tjänst");
        long id = draftBaseline(farDate(), Map.of(code, List.of()));
        json().post("/api/v1/baselines/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedAt", notNullValue());
        assertProblem(json().post("/api/v1/baselines/" + id + "/publish").then(), 409);
        assertProblem(
                json().body(Map.of("unitTypes", List.of()))
                        .put("/api/v1/baselines/" + id + "/requirements/" + code)
                        .then(),
                409);
        assertProblem(
                json().delete("/api/v1/baselines/" + id + "/requirements/" + code)
                        .then(),
                409);
        assertProblem(json().delete("/api/v1/baselines/" + id).then(), 409);
        json().get("/api/v1/baselines/" + id).then().body("requirements.serviceCode", contains(code));
    }

    @Test
    void publishingNeedsRequirementsAndAFreeDate() {
        LocalDate date = farDate();
        long empty = draftBaseline(date, Map.of());
        assertProblem(json().post("/api/v1/baselines/" + empty + "/publish").then(), 422);
        String code = createService("Tjänst");
        publishBaseline(date, Map.of(code, List.of()));
        long second = draftBaseline(date, Map.of(code, List.of()));
        assertProblem(json().post("/api/v1/baselines/" + second + "/publish").then(), 409);
        json().get("/api/v1/baselines/" + second).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void copyFromStartsTheAnnualRevisionWithLastYearsRequirements() {
        String kept = createService("Behålls");
        String retired = createService("Avvecklas");
        long last = publishBaseline(farDate(), Map.of(kept, List.of("DENTAL_CARE"), retired, List.of()));
        json().body(Map.of("name", "Pensionerad", "status", "RETIRED"))
                .put("/api/v1/e-services/" + retired)
                .then()
                .statusCode(200);
        json().body(Map.of("name", "Nästa år", "validFrom", "2031-01-01", "copyFrom", last))
                .post("/api/v1/baselines")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("requirements.serviceCode", contains(kept))
                .body("requirements[0].unitTypes", contains("DENTAL_CARE"));
        assertProblem(
                json().body(Map.of("name", "X", "validFrom", "2031-01-01", "copyFrom", 999_999_999))
                        .post("/api/v1/baselines")
                        .then(),
                422);
    }

    @Test
    void theRevisionInForceIsThePublishedOneWithTheLatestValidFrom() {
        String code = createService("Tjänst");
        LocalDate start = farDate();
        long first = publishBaseline(start, Map.of(code, List.of()));
        long second = publishBaseline(start.plusDays(10), Map.of(code, List.of()));
        draftBaseline(start.plusDays(5), Map.of(code, List.of()));
        json().queryParam("date", start.toString())
                .get("/api/v1/baselines/current")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) first));
        json().queryParam("date", start.plusDays(9).toString())
                .get("/api/v1/baselines/current")
                .then()
                .body("id", equalTo((int) first));
        json().queryParam("date", start.plusDays(10).toString())
                .get("/api/v1/baselines/current")
                .then()
                .body("id", equalTo((int) second));
        assertProblem(
                json().queryParam("date", "1900-01-01")
                        .get("/api/v1/baselines/current")
                        .then(),
                404);
        assertProblem(
                        json().queryParam("date", "igår")
                                .get("/api/v1/baselines/current")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("date"));
    }

    @Test
    void requirementsNeedAKnownActiveService() {
        long id = draftBaseline(farDate(), Map.of());
        assertProblem(
                json().body(Map.of("unitTypes", List.of()))
                        .put("/api/v1/baselines/" + id + "/requirements/finns-inte")
                        .then(),
                404);
        String retired = createService("Gammal");
        json().body(Map.of("name", "Gammal", "status", "RETIRED"))
                .put("/api/v1/e-services/" + retired)
                .then()
                .statusCode(200);
        assertProblem(
                json().body(Map.of("unitTypes", List.of()))
                        .put("/api/v1/baselines/" + id + "/requirements/" + retired)
                        .then(),
                422);
        assertProblem(
                json().body(Map.of("unitTypes", List.of("HOSPITAL")))
                        .put("/api/v1/baselines/" + id + "/requirements/" + createService("Ny"))
                        .then(),
                400);
        assertProblem(
                json().body(Map.of("unitTypes", List.of()))
                        .put("/api/v1/baselines/999999999/requirements/" + createService("Ny"))
                        .then(),
                404);
    }

    @Test
    void draftsCanBeDeletedAndBadInputIsRejected() {
        long id = draftBaseline(farDate(), Map.of());
        json().delete("/api/v1/baselines/" + id).then().statusCode(204);
        assertProblem(json().get("/api/v1/baselines/" + id).then(), 404);
        assertProblem(json().get("/api/v1/baselines/abc").then(), 400);
        assertProblem(json().body(Map.of("name", "X")).post("/api/v1/baselines").then(), 400)
                .body("errors.field", contains("validFrom"));
        assertProblem(
                        json().body(Map.of("name", "X", "validFrom", "1 januari"))
                                .post("/api/v1/baselines")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("validFrom"));
        assertProblem(
                        json().body(Map.of("name", "X".repeat(201), "validFrom", "2030-01-01"))
                                .post("/api/v1/baselines")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void theListIsNewestValidFromFirst() {
        json().queryParam("size", 500)
                .get("/api/v1/baselines")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("items.validFrom", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue()));
        List<String> dates = json().queryParam("size", 500)
                .get("/api/v1/baselines")
                .then()
                .extract()
                .jsonPath()
                .getList("items.validFrom");
        List<String> sorted =
                dates.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        org.junit.jupiter.api.Assertions.assertEquals(sorted, dates);
    }
}
