package se.basutbud.access;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.draftBaseline;
import static se.basutbud.support.Api.farDate;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.jsonAs;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.publishBaseline;
import static se.basutbud.support.Api.putUnit;
import static se.basutbud.support.Api.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import se.basutbud.security.Roles;
import se.basutbud.support.FixedTimeSource;
import se.basutbud.support.TestIdentityProvider;
import se.basutbud.support.Tokens;

@QuarkusTest
class AccessTest {

    private static ValidatableResponse assertUnauthorized(ValidatableResponse response) {
        return assertProblem(response, 401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void theCatalogueBasutbudAndContactCardsArePublic() {
        request().get("/api/v1/e-services").then().statusCode(200);
        request().get("/api/v1/e-services/fornya-recept").then().statusCode(200);
        request().get("/api/v1/baselines").then().statusCode(200);
        request().get("/api/v1/contact-cards").then().statusCode(200);
        String unit = newCareProvider() + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        request().get("/api/v1/contact-cards/" + unit).then().statusCode(200);
    }

    @Test
    void withoutATokenOnlyPublishedRevisionsShowAndNotWhoPublishedThem() {
        String code = createService("Publik");
        LocalDate date = farDate();
        long published = publishBaseline(date, Map.of(code, List.of()));
        long draft = draftBaseline(farDate(), Map.of(code, List.of()));

        request()
                .get("/api/v1/baselines/" + published)
                .then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedAt", notNullValue())
                .body("$", not(hasKey("publishedBy")));
        assertProblem(request().get("/api/v1/baselines/" + draft).then(), 404);
        request()
                .queryParam("date", date.toString())
                .get("/api/v1/baselines/current")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) published))
                .body("$", not(hasKey("publishedBy")));
        List<Map<String, Object>> listed = request()
                .queryParam("size", 500)
                .get("/api/v1/baselines")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertFalse(listed.isEmpty());
        for (Map<String, Object> revision : listed) {
            assertEquals("PUBLISHED", revision.get("status"), revision.toString());
            assertFalse(revision.containsKey("publishedBy"), revision.toString());
        }

        // With a token: drafts, and who published.
        json().get("/api/v1/baselines/" + published).then().body("publishedBy", equalTo("test-admin"));
        json().get("/api/v1/baselines/" + draft).then().statusCode(200).body("status", equalTo("DRAFT"));
        jsonAs(Tokens.reader())
                .get("/api/v1/baselines/" + draft)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void everythingElseNeedsAToken() {
        String unit = newCareProvider() + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        for (String path : List.of(
                "/api/v1/care-units",
                "/api/v1/care-units/" + unit,
                "/api/v1/care-units/" + unit + "/offerings",
                "/api/v1/care-units/" + unit + "/exemptions",
                "/api/v1/care-units/" + unit + "/compliance",
                "/api/v1/compliance",
                "/api/v1/compliance/services",
                "/api/v1/compliance/groups?by=unitType",
                "/api/v1/compliance/trend")) {
            assertUnauthorized(request().get(path).then());
        }
        assertUnauthorized(request()
                .contentType("application/json")
                .body(Map.of("code", "x-y", "name", "X"))
                .post("/api/v1/e-services")
                .then());
        assertUnauthorized(request()
                .contentType("application/json")
                .body(Map.of("name", "X", "unitType", "OTHER"))
                .put("/api/v1/care-units/" + unit)
                .then());
        assertUnauthorized(request().post("/api/v1/baselines/1/publish").then());
        json().get("/api/v1/care-units/" + unit).then().body("name", equalTo("Enhet " + unit));
    }

    @Test
    void aReaderReadsButWritesNothing() {
        String unit = newCareProvider() + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        String reader = Tokens.reader();
        jsonAs(reader).get("/api/v1/care-units/" + unit).then().statusCode(200);
        jsonAs(reader).get("/api/v1/care-units/" + unit + "/offerings").then().statusCode(200);
        assertProblem(
                jsonAs(reader)
                        .body(Map.of("name", "X", "unitType", "OTHER"))
                        .put("/api/v1/care-units/" + unit)
                        .then(),
                403);
        assertProblem(
                jsonAs(reader)
                        .body(Map.of())
                        .put("/api/v1/care-units/" + unit + "/offerings/fornya-recept")
                        .then(),
                403);
        assertProblem(
                jsonAs(reader)
                        .body(Map.of("code", se.basutbud.support.Api.newServiceCode(), "name", "X"))
                        .post("/api/v1/e-services")
                        .then(),
                403);
        json().get("/api/v1/care-units/" + unit).then().body("unitType", equalTo("PRIMARY_CARE"));
    }

    @Test
    void aReaderReadsEveryComplianceReportAndTheExemptions() {
        String careProvider = newCareProvider();
        String unit = careProvider + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of());
        java.time.LocalDate asOf = se.basutbud.support.Api.farDate();
        String code = se.basutbud.support.Api.createService("Läsbar");
        se.basutbud.support.Api.publishBaseline(asOf, Map.of(code, List.of()));
        json().body(Map.of("reason", "Ingen sådan verksamhet"))
                .put("/api/v1/care-units/" + unit + "/exemptions/" + code)
                .then()
                .statusCode(201);
        String reader = Tokens.reader();
        jsonAs(reader)
                .get("/api/v1/care-units/" + unit + "/exemptions")
                .then()
                .statusCode(200)
                .body("[0].serviceCode", equalTo(code));
        jsonAs(reader)
                .queryParam("asOf", asOf.toString())
                .get("/api/v1/care-units/" + unit + "/compliance")
                .then()
                .statusCode(200)
                .body("exempted", equalTo(List.of(code)));
        jsonAs(reader)
                .queryParam("asOf", asOf.toString())
                .queryParam("careProvider", careProvider)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .body("summary.units", equalTo(1));
        jsonAs(reader)
                .queryParam("asOf", asOf.toString())
                .queryParam("careProvider", careProvider)
                .get("/api/v1/compliance/services")
                .then()
                .statusCode(200);
        jsonAs(reader)
                .queryParam("asOf", asOf.toString())
                .queryParam("careProvider", careProvider)
                .queryParam("by", "unitType")
                .get("/api/v1/compliance/groups")
                .then()
                .statusCode(200);
        jsonAs(reader)
                .queryParam("from", asOf.toString())
                .queryParam("to", asOf.toString())
                .queryParam("careProvider", careProvider)
                .get("/api/v1/compliance/trend")
                .then()
                .statusCode(200);
        assertProblem(
                jsonAs(reader)
                        .body(Map.of("reason", "x"))
                        .put("/api/v1/care-units/" + unit + "/exemptions/" + code)
                        .then(),
                403);
        assertProblem(
                jsonAs(reader)
                        .delete("/api/v1/care-units/" + unit + "/exemptions/" + code)
                        .then(),
                403);
    }

    @Test
    void aUnitEditorWritesOnlyTheUnitsOfItsOrganisations() {
        String own = newCareProvider();
        String other = newCareProvider();
        putUnit(other + "-1", "PRIMARY_CARE", Map.of());
        String editor = Tokens.editor(own);

        jsonAs(editor)
                .body(Map.of("name", "Egen", "unitType", "PRIMARY_CARE"))
                .put("/api/v1/care-units/" + own + "-1")
                .then()
                .statusCode(201);
        jsonAs(editor)
                .body(Map.of())
                .put("/api/v1/care-units/" + own + "-1/offerings/fornya-recept")
                .then()
                .statusCode(201);
        jsonAs(editor)
                .body(Map.of("reason", "Skäl"))
                .put("/api/v1/care-units/" + own + "-1/exemptions/resevaccination")
                .then()
                .statusCode(201);
        java.time.LocalDate asOf = se.basutbud.support.Api.farDate();
        se.basutbud.support.Api.publishBaseline(asOf, Map.of("fornya-recept", List.of()));
        jsonAs(editor)
                .queryParam("asOf", asOf.toString())
                .queryParam("careProvider", own)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .body("units[0].hsaId", equalTo(own + "-1"));

        assertProblem(
                jsonAs(editor)
                        .body(Map.of("name", "Annans", "unitType", "PRIMARY_CARE"))
                        .put("/api/v1/care-units/" + other + "-2")
                        .then(),
                403);
        assertProblem(
                jsonAs(editor)
                        .body(Map.of("name", "Annans", "unitType", "PRIMARY_CARE", "careProvider", other))
                        .put("/api/v1/care-units/" + own + "-2")
                        .then(),
                403);
        // Another organisation's HSA-id, under the editor's own care provider: squatting, refused.
        assertProblem(
                        jsonAs(editor)
                                .body(Map.of("name", "Ockuperad", "unitType", "PRIMARY_CARE", "careProvider", own))
                                .put("/api/v1/care-units/" + other + "-3")
                                .then(),
                        403)
                .body("type", equalTo("/problems/forbidden"));
        assertProblem(json().get("/api/v1/care-units/" + other + "-3").then(), 404);
        // An administrator may place a unit under another care provider than its prefix.
        json().body(Map.of("name", "Driven av annan", "unitType", "PRIMARY_CARE", "careProvider", own))
                .put("/api/v1/care-units/" + other + "-4")
                .then()
                .statusCode(201)
                .body("careProvider", equalTo(own));
        assertProblem(
                jsonAs(editor)
                        .body(Map.of("name", "Flyttad", "unitType", "PRIMARY_CARE", "careProvider", other))
                        .put("/api/v1/care-units/" + own + "-1")
                        .then(),
                403);
        assertProblem(
                jsonAs(editor)
                        .body(Map.of("name", "Kapad", "unitType", "PRIMARY_CARE"))
                        .put("/api/v1/care-units/" + other + "-1")
                        .then(),
                403);
        assertProblem(
                jsonAs(editor)
                        .body(Map.of())
                        .put("/api/v1/care-units/" + other + "-1/offerings/fornya-recept")
                        .then(),
                403);
        assertProblem(
                jsonAs(editor)
                        .delete("/api/v1/care-units/" + other + "-1/exemptions/resevaccination")
                        .then(),
                403);
        assertProblem(
                jsonAs(editor)
                        .body(Map.of("name", "X", "validFrom", "2030-01-01"))
                        .post("/api/v1/baselines")
                        .then(),
                403);

        json().get("/api/v1/care-units/" + other + "-1").then().body("name", equalTo("Enhet " + other + "-1"));
        assertProblem(json().get("/api/v1/care-units/" + other + "-2").then(), 404);
        json().get("/api/v1/care-units/" + own + "-1").then().body("careProvider", equalTo(own));
        json().get("/api/v1/care-units/" + other + "-1/offerings").then().body("$", org.hamcrest.Matchers.empty());
    }

    @Test
    void theOrgClaimMayBeAStringOrAnArray() {
        String first = newCareProvider();
        String second = newCareProvider();
        String single = Tokens.claims("editor", Roles.UNIT_EDITOR, first).sign();
        String several = Tokens.claims("editor", Roles.UNIT_EDITOR, List.of(first, second))
                .sign();
        jsonAs(single)
                .body(Map.of("name", "A", "unitType", "OTHER"))
                .put("/api/v1/care-units/" + first + "-1")
                .then()
                .statusCode(201);
        jsonAs(several)
                .body(Map.of("name", "B", "unitType", "OTHER"))
                .put("/api/v1/care-units/" + second + "-1")
                .then()
                .statusCode(201);
        assertProblem(
                jsonAs(single)
                        .body(Map.of("name", "C", "unitType", "OTHER"))
                        .put("/api/v1/care-units/" + second + "-2")
                        .then(),
                403);
    }

    @Test
    void expiredForeignForgedAndUnsignedTokensAreRejected() {
        String expired = Tokens.claims("x", Roles.ADMIN, Set.of())
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign();
        String foreignIssuer = Tokens.claims("x", Roles.ADMIN, Set.of())
                .issuer("https://elsewhere.example")
                .sign();
        // Issued by the region's own identity provider, for another of its APIs.
        String otherAudience = Tokens.claims("x", Roles.ADMIN, Set.of())
                .audience("journal-api")
                .sign();
        String noAudience =
                Tokens.claims("x", Roles.ADMIN, Set.of()).audience(Set.of()).sign();
        String forACentury = Tokens.claims("x", Roles.ADMIN, Set.of())
                .expiresIn(java.time.Duration.ofDays(36_500))
                .sign();
        String nameTooLongToRecord =
                Tokens.claims("x".repeat(201), Roles.ADMIN, Set.of()).sign();
        String forged = Tokens.claims("x", Roles.ADMIN, Set.of())
                .sign(TestIdentityProvider.newKeyPair().getPrivate());
        String[] valid = Tokens.admin().split("\\.");
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + valid[1] + ".";
        String noneWithSignature = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + valid[1] + "." + valid[2];
        for (String token : List.of(
                expired,
                foreignIssuer,
                otherAudience,
                noAudience,
                forACentury,
                nameTooLongToRecord,
                forged,
                unsigned,
                noneWithSignature,
                "not-a-jwt")) {
            assertUnauthorized(jsonAs(token).get("/api/v1/care-units").then());
            assertUnauthorized(jsonAs(token)
                    .body(Map.of("code", se.basutbud.support.Api.newServiceCode(), "name", "X"))
                    .post("/api/v1/e-services")
                    .then());
        }
    }

    @Test
    void aCallerNamedInTwoHundredCharactersWritesAndIsAudited() {
        String name = "a".repeat(200);
        assertAWriteIsAuditedAs(Tokens.claims(name, Roles.ADMIN, Set.of()).sign(), name);
    }

    /** Creates an e-service with the token and reads who the audit says did it. */
    private static void assertAWriteIsAuditedAs(String token, String actor) {
        String code = se.basutbud.support.Api.newServiceCode();
        jsonAs(token)
                .body(Map.of("code", code, "name", "Granskad"))
                .post("/api/v1/e-services")
                .then()
                .statusCode(201);
        json().queryParam("key", code)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items[0].actor", equalTo(actor));
    }

    @Test
    void theAuditRecordsTheSubjectNotANameTheUserMayChange() {
        String subject = "sub-" + se.basutbud.support.Api.newServiceCode();
        String token = Tokens.claims(subject, Roles.ADMIN, Set.of())
                .upn("anna.andersson@region.example")
                .preferredUserName("anna")
                .sign();
        assertAWriteIsAuditedAs(token, subject);
    }

    @Test
    void oddlyShapedOrganisationAndRoleClaimsAreRefusedNeverFailures() {
        String own = newCareProvider();
        for (Object org : List.of(
                jakarta.json.Json.createArrayBuilder().add(123).build(),
                jakarta.json.Json.createArrayBuilder().addNull().build(),
                jakarta.json.Json.createArrayBuilder()
                        .add(jakarta.json.Json.createArrayBuilder().add(own))
                        .build(),
                jakarta.json.Json.createObjectBuilder().add("org", own).build())) {
            String token = Tokens.claims("x", Roles.UNIT_EDITOR, Set.of())
                    .claim("org", org)
                    .sign();
            assertProblem(
                    jsonAs(token)
                            .body(Map.of("name", "Enhet", "unitType", "PRIMARY_CARE"))
                            .put("/api/v1/care-units/" + own + "-1")
                            .then(),
                    403);
        }
        // The token builder refuses to write groups as an object, so this one is signed by hand.
        long now = java.time.Instant.now().getEpochSecond();
        String groupsAsObject = Tokens.signRaw("{\"iss\":\"" + Tokens.DEV_ISSUER + "\",\"aud\":\"" + Tokens.AUDIENCE
                + "\",\"sub\":\"x\",\"groups\":{\"role\":\"" + Roles.ADMIN + "\"},\"iat\":" + now + ",\"exp\":"
                + (now + 600) + "}");
        int status = jsonAs(groupsAsObject)
                .get("/api/v1/care-units")
                .then()
                .extract()
                .statusCode();
        org.junit.jupiter.api.Assertions.assertTrue(status == 401 || status == 403, "groups as an object: " + status);
    }

    @Test
    void aNulCharacterInAPathOrQueryIsABadRequest() {
        for (String path : List.of(
                "/api/v1/e-services/a%00b", "/api/v1/e-services?q=a%00b", "/api/v1/contact-cards/SE2321000073-1%00")) {
            assertProblem(request().urlEncodingEnabled(false).get(path).then(), 400);
        }
        assertProblem(
                json().urlEncodingEnabled(false)
                        .get("/api/v1/care-units?municipality=V%00xj%C3%B6")
                        .then(),
                400);
    }

    @Test
    void theDevTokenCommandGivesAWorkingToken() {
        String org = newCareProvider();
        String token = request()
                .queryParam("role", "unit-editor")
                .queryParam("org", org)
                .get("/dev/token")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .strip();
        jsonAs(token)
                .body(Map.of("name", "Dev", "unitType", "OTHER"))
                .put("/api/v1/care-units/" + org + "-1")
                .then()
                .statusCode(201);
        assertProblem(request().queryParam("role", "root").get("/dev/token").then(), 400);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aUnitEditorDatesOfferingsAndExemptionsBackOnlyWithinTheWindow() {
        LocalDate today = LocalDate.of(2026, 6, 15);
        FixedTimeSource.setToday(today);
        String own = newCareProvider();
        String unit = own + "-1";
        putUnit(unit, "PRIMARY_CARE", Map.of("openedOn", "2020-01-01"));
        String editor = Tokens.editor(own);
        String offerings = "/api/v1/care-units/" + unit + "/offerings/";
        String exemptions = "/api/v1/care-units/" + unit + "/exemptions/";

        assertProblem(
                        jsonAs(editor)
                                .body(Map.of("since", today.minusDays(31).toString()))
                                .put(offerings + "fornya-recept")
                                .then(),
                        403)
                .body("detail", org.hamcrest.Matchers.containsString("2026-05-15"));
        jsonAs(editor)
                .body(Map.of("since", today.minusDays(30).toString()))
                .put(offerings + "fornya-recept")
                .then()
                .statusCode(201)
                .body("since", equalTo("2026-05-16"));
        assertProblem(
                jsonAs(editor)
                        .queryParam("on", today.minusDays(31).toString())
                        .delete(offerings + "fornya-recept")
                        .then(),
                403);
        json().body(Map.of("since", "2024-01-01"))
                .put(offerings + "bestall-tid")
                .then()
                .statusCode(201);

        assertProblem(
                jsonAs(editor)
                        .body(Map.of(
                                "reason",
                                "Ombyggnad",
                                "since",
                                today.minusDays(31).toString()))
                        .put(exemptions + "resevaccination")
                        .then(),
                403);
        jsonAs(editor)
                .body(Map.of("reason", "Ombyggnad", "since", today.minusDays(10).toString()))
                .put(exemptions + "resevaccination")
                .then()
                .statusCode(201);
        assertProblem(
                jsonAs(editor)
                        .body(Map.of("reason", "Ombyggnad", "since", "2025-01-01"))
                        .put(exemptions + "resevaccination")
                        .then(),
                403);
        json().body(Map.of("reason", "Ombyggnad sedan länge", "since", "2025-01-01"))
                .put(exemptions + "resevaccination")
                .then()
                .statusCode(200)
                .body("since", equalTo("2025-01-01"));
        // Moving a start that lies beyond the window, even forward, rewrites those days: not for an editor.
        assertProblem(
                jsonAs(editor)
                        .body(Map.of("reason", "Ombyggnad", "since", today.toString()))
                        .put(exemptions + "resevaccination")
                        .then(),
                403);
        // Changing the reason of a long-running exemption is not back-dating.
        jsonAs(editor)
                .body(Map.of("reason", "Ombyggnad, etapp 2"))
                .put(exemptions + "resevaccination")
                .then()
                .statusCode(200)
                .body("since", equalTo("2025-01-01"));
        json().get(exemptions.substring(0, exemptions.length() - 1))
                .then()
                .body("since", org.hamcrest.Matchers.contains("2025-01-01"))
                .body("reason", org.hamcrest.Matchers.contains("Ombyggnad, etapp 2"));
    }
}
