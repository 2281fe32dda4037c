package se.basutbud.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.draftBaseline;
import static se.basutbud.support.Api.farDate;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.jsonAs;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.newServiceCode;
import static se.basutbud.support.Api.request;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import se.basutbud.eservice.EServiceRequests;
import se.basutbud.eservice.EServiceService;
import se.basutbud.security.Caller;
import se.basutbud.security.Roles;
import se.basutbud.support.DependsOnTheDatabaseServer;
import se.basutbud.support.Tokens;

@io.quarkus.test.junit.QuarkusTest
@TestProfile(DependsOnTheDatabaseServer.Profile.class)
@DependsOnTheDatabaseServer
class AuditTest {

    @Inject
    EServiceService services;

    private static JsonPath audit(Map<String, Object> filter) {
        return json().queryParams(filter)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void everyWriteRecordsWhoWhenWhatAndTheValuesBeforeAndAfter() {
        String code = newServiceCode();
        json().body(Map.of("code", code, "name", "Första namnet"))
                .post("/api/v1/e-services")
                .then()
                .statusCode(201);
        json().body(Map.of("name", "Andra namnet", "status", "ACTIVE"))
                .put("/api/v1/e-services/" + code)
                .then()
                .statusCode(200);
        json().queryParam("entityType", "E_SERVICE")
                .queryParam("key", code)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", contains("UPDATE", "CREATE"))
                .body("items.actor", contains("test-admin", "test-admin"))
                .body("items[0].before.name", equalTo("Första namnet"))
                .body("items[0].after.name", equalTo("Andra namnet"))
                .body("items[1].before", nullValue())
                .body("items[1].after.code", equalTo(code))
                .body("items[0].at", org.hamcrest.Matchers.matchesPattern("^\\d{4}-\\d{2}-\\d{2}T.*Z$"));
    }

    @Test
    void unitEditorsWritesAreRecordedUnderTheirSubject() {
        String org = newCareProvider();
        String subject = "editor-" + org;
        String token = Tokens.claims(subject, Roles.UNIT_EDITOR, Set.of(org)).sign();
        String unit = org + "-1";
        jsonAs(token)
                .body(Map.of("name", "Enhet", "unitType", "PRIMARY_CARE"))
                .put("/api/v1/care-units/" + unit.toLowerCase())
                .then()
                .statusCode(201);
        jsonAs(token)
                .body(Map.of("url", "https://e-tjanster.1177.se/a"))
                .put("/api/v1/care-units/" + unit + "/offerings/fornya-recept")
                .then()
                .statusCode(201);
        jsonAs(token)
                .delete("/api/v1/care-units/" + unit + "/offerings/fornya-recept")
                .then()
                .statusCode(204);
        jsonAs(token)
                .body(Map.of("reason", "Skäl"))
                .put("/api/v1/care-units/" + unit + "/exemptions/resevaccination")
                .then()
                .statusCode(201);

        JsonPath entries = audit(Map.of("actor", subject));
        assertEquals(List.of("EXEMPTION", "OFFERING", "OFFERING", "CARE_UNIT"), entries.getList("items.entityType"));
        assertEquals(
                List.of(unit + "/resevaccination", unit + "/fornya-recept", unit + "/fornya-recept", unit),
                entries.getList("items.key"));
        assertEquals(List.of("CREATE", "DELETE", "CREATE", "CREATE"), entries.getList("items.action"));
        assertEquals("https://e-tjanster.1177.se/a", entries.getString("items[1].before.url"));
    }

    @Test
    void aPublicationSaysWhoPublishedIt() {
        String code = createService("Tjänst");
        long id = draftBaseline(farDate(), Map.of(code, List.of("PRIMARY_CARE")));
        json().post("/api/v1/baselines/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("publishedBy", equalTo("test-admin"));
        json().get("/api/v1/baselines/" + id).then().body("publishedBy", equalTo("test-admin"));
        JsonPath entries = audit(Map.of("entityType", "BASELINE", "key", Long.toString(id)));
        assertEquals(List.of("PUBLISH", "CREATE"), entries.getList("items.action"));
        assertEquals("DRAFT", entries.getString("items[0].before.status"));
        assertEquals("PUBLISHED", entries.getString("items[0].after.status"));
        JsonPath requirement = audit(Map.of("entityType", "BASELINE_REQUIREMENT", "key", id + "/" + code));
        assertEquals(List.of("PRIMARY_CARE"), requirement.getList("items[0].after.unitTypes"));
    }

    @Test
    void aRejectedWriteLeavesNoAuditRow() {
        String code = createService("Tjänst");
        assertProblem(
                json().body(Map.of("code", code, "name", "Igen"))
                        .post("/api/v1/e-services")
                        .then(),
                409);
        long empty = draftBaseline(farDate(), Map.of());
        assertProblem(json().post("/api/v1/baselines/" + empty + "/publish").then(), 422);
        assertEquals(1, audit(Map.of("key", code)).getInt("total"));
        assertEquals(
                List.of("CREATE"), audit(Map.of("key", Long.toString(empty))).getList("items.action"));
    }

    @Test
    void aWriteRolledBackAfterItWasRecordedLeavesNeitherChangeNorRow() {
        String code = newServiceCode();
        assertThrows(
                IllegalStateException.class,
                () -> Caller.asSystem(() -> QuarkusTransaction.requiringNew().run(() -> {
                    services.create(new EServiceRequests.Create(code, "Rullas tillbaka", null, null, null));
                    throw new IllegalStateException("a failure after the write, in the same transaction");
                })));
        assertProblem(json().get("/api/v1/e-services/" + code).then(), 404);
        assertEquals(0, audit(Map.of("key", code)).getInt("total"));
    }

    @Test
    void theTrailIsForAdministratorsAndFiltersByDate() {
        assertProblem(request().get("/api/v1/audit").then(), 401);
        assertProblem(jsonAs(Tokens.reader()).get("/api/v1/audit").then(), 403);
        String code = createService("Tjänst");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        assertEquals(
                1,
                audit(Map.of("key", code, "from", today.toString(), "to", today.toString()))
                        .getInt("total"));
        assertEquals(
                0,
                audit(Map.of("key", code, "to", today.minusDays(1).toString())).getInt("total"));
        assertEquals(
                0,
                audit(Map.of("key", code, "from", today.plusDays(1).toString())).getInt("total"));
        assertProblem(
                json().queryParam("entityType", "USER").get("/api/v1/audit").then(), 400);
        assertProblem(json().queryParam("from", "igår").get("/api/v1/audit").then(), 400);
    }
}
