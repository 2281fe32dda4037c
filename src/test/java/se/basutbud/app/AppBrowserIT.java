package se.basutbud.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.jsonAs;
import static se.basutbud.support.Api.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import se.basutbud.security.Roles;
import se.basutbud.support.Api;
import se.basutbud.support.NodeScript;

/**
 * The app as people use it, in real headless Chromium against the packaged service: an administrator, a unit
 * editor and a reader each sign in through a real OpenID Connect server (authorization code with PKCE); the
 * overview, the heatmap and the equality view show what the API answers for the same data; a draft's what-if
 * names the unit whose status it changes, and publishing it takes; an editor starts an offering for their own
 * unit and cannot for another's; an import runs to the end with its progress bar. Screenshots of each view go
 * to target/app-screenshots; axe-core finds no serious or critical violation on any view.
 */
@QuarkusIntegrationTest
@WithTestResource(AppSignInConfig.class)
class AppBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String admin;

    @Test
    void peopleSignInAndDoTheirWorkInTheApp() throws Exception {
        admin = AppSignInConfig.provider.token("it-admin", Roles.ADMIN, List.of());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        String provider = Api.newCareProvider();
        String other = Api.newCareProvider();
        String a = service("Appens tjänst A");
        String b = service("Appens tjänst B");
        String c = service("Appens tjänst C");
        unit(provider + "-1", "PRIMARY_CARE", "Hälsocentralen Appstad", "Appstad");
        unit(provider + "-2", "PRIMARY_CARE", "Hälsocentralen Appby", "Appby");
        unit(provider + "-3", "SPECIALIST_CARE", "Specialistmottagningen Appby", "Appby");
        unit(other + "-1", "PRIMARY_CARE", "Hälsocentralen Annanstans", "Annanstad");
        offer(provider + "-1", a);
        offer(provider + "-1", b);
        offer(provider + "-2", a);
        jsonAs(admin)
                .body(Map.of("count", 12000, "from", today.toString()))
                .put("/api/v1/care-units/" + provider + "-1/listed-residents")
                .then()
                .statusCode(201);
        // The revision in force on a date of this test's own, and next year's draft copied from it.
        LocalDate validFrom = Api.farDate();
        long revision = draft(Map.of("name", "Apptest " + validFrom, "validFrom", validFrom.toString()));
        requirement(revision, a, List.of());
        requirement(revision, b, List.of("PRIMARY_CARE"));
        jsonAs(admin).post("/api/v1/baselines/" + revision + "/publish").then().statusCode(200);
        long draft = draft(Map.of(
                "name",
                "Apptest nästa " + validFrom,
                "validFrom",
                validFrom.plusDays(1).toString(),
                "copyFrom",
                revision));
        Path importFile = Files.createTempFile("erbjudanden-", ".csv");
        Files.writeString(
                importFile,
                "hsaId;serviceCode;url;since;until\n" + provider + "-3;" + a + ";;" + today + ";\n",
                StandardCharsets.UTF_8);

        // What the API answers for the views, read before the people in the browser change anything.
        Map<String, Object> filters = Map.of("asOf", validFrom.toString(), "careProvider", provider);
        JsonPath report = get("/api/v1/compliance", filters);
        Map<String, Object> coverageQuery = new LinkedHashMap<>(filters);
        coverageQuery.putAll(Map.of("serviceCode", a, "by", "municipality"));
        JsonPath coverage = get("/api/v1/coverage", coverageQuery);

        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("provider", provider);
        scenario.put("asOf", validFrom.toString());
        scenario.put("services", Map.of("a", a, "b", b, "c", c));
        scenario.put("units", Map.of("compliant", provider + "-1", "partial", provider + "-2"));
        scenario.put("otherUnit", other + "-1");
        scenario.put("draftId", draft);
        long goal = jsonAs(admin)
                .body(Map.of(
                        "name",
                        "Förnya recept överallt",
                        "metric",
                        "SERVICE_COVERAGE",
                        "serviceCode",
                        a,
                        "target",
                        0.9,
                        "deadline",
                        today.plusYears(1).toString(),
                        "scope",
                        Map.of("careProvider", provider)))
                .post("/api/v1/goals")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        scenario.put("goalId", goal);
        JsonPath goalProgress = get("/api/v1/goals/" + goal, Map.of()).setRootPath("progress");
        // From tomorrow, so that what the draft would do today stays as the administrator saw it.
        scenario.put("editorSince", today.plusDays(1).toString());
        scenario.put("importFile", importFile.toString());
        Path scenarioFile = Files.createTempFile("app-scenario-", ".json");
        JSON.writeValue(scenarioFile.toFile(), scenario);
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        Path screenshots = Path.of("target", "app-screenshots").toAbsolutePath();
        JsonNode seen = JSON.readTree(NodeScript.run(
                Path.of("src", "test", "browser", "app.cjs"),
                300,
                base,
                scenarioFile.toString(),
                screenshots.toString()));

        assertEquals(List.of(), list(seen.get("pageErrors")), "no script errors in any page");
        // No revision is in force today here: the views the people land on answer 404, which the app shows.
        assertTrue(
                list(seen.get("errorAnswers")).stream().allMatch(answer -> answer.contains(": 404 /api/v1/")),
                seen.get("errorAnswers").toString());
        seen.get("axe")
                .fields()
                .forEachRemaining(view -> assertEquals(
                        List.of(),
                        list(view.getValue()),
                        "serious or critical axe-core violations in " + view.getKey()));
        assertEquals(11, seen.get("axe").size(), "every view and the sign-in page were checked: " + seen.get("axe"));

        // Översikt: the key figures are the report's summary.
        JsonNode figures = seen.get("overview").get("figures");
        assertEquals(report.getInt("summary.units"), figures.get("Enheter").asInt());
        assertEquals(3, figures.get("Enheter").asInt());
        assertEquals(
                report.getInt("summary.compliant"), figures.get("Uppfyller").asInt());
        assertEquals(report.getInt("summary.partial"), figures.get("Delvis").asInt());
        assertEquals(
                report.getInt("summary.nonCompliant"),
                figures.get("Uppfyller inte").asInt());
        assertEquals(
                report.getDouble("summary.averageScore"),
                figures.get("Medelpoäng").asDouble(),
                1e-9);
        assertEquals(0.5, figures.get("Medelpoäng").asDouble(), 1e-9);
        assertEquals(2, seen.get("overview").get("charts").asInt(), "the trend and the coverage bars are drawn");

        // Enheter × tjänster: each row is the report's unit, each cell what it offers of each requirement.
        Map<String, Map<String, String>> cells = new LinkedHashMap<>();
        for (JsonNode row : seen.get("heatmap")) {
            String hsaId = row.get("hsaId").asText();
            Map<String, Object> unit = report.getMap("units.find { it.hsaId == '" + hsaId + "' }");
            assertEquals(
                    ((Number) unit.get("score")).doubleValue(), row.get("score").asDouble(), 1e-9, hsaId);
            assertEquals(unit.get("status"), row.get("status").asText(), hsaId);
            cells.put(hsaId, JSON.convertValue(row.get("cells"), Map.class));
        }
        assertEquals(
                Map.of(
                        provider + "-1", Map.of(a, "offered", b, "offered"),
                        provider + "-2", Map.of(a, "offered", b, "missing"),
                        provider + "-3", Map.of(a, "missing", b, "notRequired")),
                cells);
        assertEquals(
                List.of(provider + "-2", provider + "-1", provider + "-3"),
                List.copyOf(cells.keySet()),
                "sorted by name");

        // Jämlikhet: lowest compliance first; coverage per municipality as the API answers it.
        assertEquals(List.of("Appby", "Appstad"), list(seen.get("equality").get("municipalities")));
        JsonNode equalityFigures = seen.get("equality").get("figures");
        assertEquals(
                coverage.getDouble("summary.unitCoverage"),
                equalityFigures.get("Andel enheter").asDouble(),
                1e-9);
        assertEquals(
                coverage.getInt("summary.unknownResidentUnits"),
                equalityFigures.get("Enheter utan invånarsiffra").asInt());
        for (JsonNode row : seen.get("equality").get("coverage")) {
            Map<String, Object> item =
                    coverage.getMap("items.find { it.key == '" + row.get("key").asText() + "' }");
            List<String> expected = new ArrayList<>();
            for (String name : List.of(
                    "units",
                    "offeringUnits",
                    "exemptedUnits",
                    "unitCoverage",
                    "residents",
                    "residentsCovered",
                    "residentCoverage",
                    "unknownResidentUnits")) {
                expected.add(item.get(name) == null ? "" : numberText(item.get(name)));
            }
            assertEquals(expected, list(row.get("values")), "coverage of " + row.get("key"));
        }
        assertEquals(
                coverage.getList("items").size(),
                seen.get("equality").get("coverage").size());

        // Mål: the goal's status and value as the API answers them.
        assertEquals(
                goalProgress.getString("status"), seen.get("goal").get("status").asText());
        assertEquals(
                goalProgress.getDouble("value"), seen.get("goal").get("value").asDouble(), 1e-9);
        assertEquals(1, seen.get("goal").get("charts").asInt());

        // Basutbud: the what-if names the one unit whose status the new requirement changes; then it is published.
        assertTrue(
                list(seen.get("revisions")).contains("Apptest nästa " + validFrom),
                seen.get("revisions").toString());
        assertEquals(
                List.of(provider + "-1"),
                list(seen.get("whatIf").get("changedUnits")).stream()
                        .filter(hsaId -> hsaId.startsWith(provider) || hsaId.startsWith(other))
                        .toList());
        JsonPath diff = get("/api/v1/baselines/" + draft + "/diff", Map.of("against", revision, "size", 500));
        assertTrue(diff.getList("impact.units.hsaId").contains(provider + "-1"));
        assertFalse(diff.getList("impact.units.hsaId").contains(provider + "-2"));
        assertEquals(
                diff.getInt("impact.unitsTotal"),
                seen.get("whatIf")
                        .get("figures")
                        .get("Enheter som byter status")
                        .asInt());
        assertTrue(
                seen.get("publish").get("confirmation").asText().contains("gäller från " + validFrom.plusDays(1)),
                seen.get("publish").toString());
        assertTrue(
                seen.get("publish").get("heading").asText().startsWith("Publicerad"),
                seen.get("publish").toString());
        assertEquals(0, seen.get("publish").get("editForms").asInt(), "a published revision is read-only");
        JsonPath published = get("/api/v1/baselines/" + draft, Map.of());
        assertEquals("PUBLISHED", published.getString("status"));
        assertEquals(
                List.of("PRIMARY_CARE"),
                published.getList("requirements.find { it.serviceCode == '" + c + "' }.unitTypes"));

        // Import: the dry run and the import itself show the job's summary; the progress bar reached its end.
        assertEquals("SUCCEEDED", seen.get("importDryRun").get("status").asText());
        assertEquals(1, seen.get("importDryRun").get("counts").get("created").asInt());
        JsonNode imported = seen.get("importFinal");
        assertEquals("SUCCEEDED", imported.get("status").asText(), imported.toString());
        JsonPath job = get("/api/v1/imports/" + imported.get("job").asText(), Map.of());
        assertFalse(job.getBoolean("dryRun"));
        assertEquals(
                job.getInt("summary.created"),
                imported.get("counts").get("created").asInt());
        assertEquals(
                job.getInt("summary.rows"), imported.get("counts").get("rows").asInt());
        assertEquals(100, imported.get("progress").get("value").asInt());
        assertEquals(
                List.of(a),
                get("/api/v1/care-units/" + provider + "-3/offerings", Map.of()).getList("serviceCode"));

        // The unit editor: starts an offering at their own unit; another provider's unit offers no form, and the
        // API refuses the write.
        JsonNode editor = seen.get("editor");
        assertTrue(
                editor.get("flash").asText().startsWith("Appens tjänst B erbjuds från " + today.plusDays(1)),
                editor.toString());
        assertTrue(list(editor.get("periods")).contains(b));
        assertEquals(
                java.util.Set.of(a, b),
                java.util.Set.copyOf(get(
                                "/api/v1/care-units/" + provider + "-2/offerings",
                                Map.of("asOf", today.plusDays(1).toString()))
                        .getList("serviceCode")));
        assertEquals("REQUESTED", editor.get("requested").get("status").asText(), editor.toString());
        assertTrue(editor.get("requested").get("flash").asText().contains("skickad för beslut"), editor.toString());
        // The administrator approves it in the queue; from then on it counts.
        JsonNode decided = seen.get("decided");
        assertTrue(decided.get("flash").asText().contains("beviljat"), decided.toString());
        assertEquals(0, decided.get("stillListed").asInt());
        JsonPath exemption = get("/api/v1/care-units/" + provider + "-2/exemptions", Map.of());
        assertEquals(List.of("APPROVED"), exemption.getList("status"));
        assertEquals(List.of("TECHNICAL"), exemption.getList("reasonCode"));
        assertEquals(List.of("Beviljas till systembytet"), exemption.getList("decisionNote"));
        assertEquals(0, editor.get("otherForms").asInt());
        assertEquals(403, editor.get("otherWrite").asInt());
        assertTrue(list(editor.get("nav")).contains("Import"));

        // The reader sees the reports but no import, and no form on a unit.
        JsonNode reader = seen.get("reader");
        assertTrue(reader.get("who").asText().contains("Läsare"), reader.toString());
        assertEquals(
                List.of("Översikt", "Enheter × tjänster", "Jämlikhet", "Mål", "Basutbud"), list(reader.get("nav")));
        assertEquals(0, reader.get("unitForms").asInt());
        assertTrue(reader.get("importPage").asText().contains("Din roll har inte tillgång"), reader.toString());
        assertTrue(reader.get("signedOut").asBoolean(), "signing out shows the sign-in page again");
        for (String view : List.of(
                "oversikt",
                "enheter",
                "jamlikhet",
                "mal",
                "basutbud",
                "basutbud-utkast",
                "undantag",
                "import",
                "enhet-redaktor",
                "enhet-lasare")) {
            assertTrue(Files.size(screenshots.resolve(view + ".png")) > 10_000, view);
        }
    }

    @Test
    void thePagesAllowNoInlineScriptAndNameTheIdentityProvider() {
        String csp = request().get("/").then().statusCode(200).extract().header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("connect-src 'self' " + originOf(AppSignInConfig.provider.issuer())), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        JsonPath config =
                request().get("/app/config").then().statusCode(200).extract().jsonPath();
        assertEquals(AppSignInConfig.provider.issuer(), config.getString("issuer"));
        assertEquals("basutbud-app", config.getString("clientId"));
        assertFalse(config.getBoolean("devSignIn"), "the packaged service has no dev-only sign-in");
    }

    private static String originOf(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String numberText(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
        }
        return String.valueOf(value);
    }

    private static List<String> list(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.isTextual() ? item.asText() : item.toString()));
        return items;
    }

    private JsonPath get(String path, Map<String, Object> query) {
        return jsonAs(admin)
                .queryParams(query)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String service(String name) {
        String code = Api.newServiceCode();
        jsonAs(admin)
                .body(Map.of("code", code, "name", name))
                .post("/api/v1/e-services")
                .then()
                .statusCode(201);
        return code;
    }

    private void unit(String hsaId, String type, String name, String municipality) {
        jsonAs(admin)
                .body(Map.of("name", name, "unitType", type, "municipality", municipality))
                .put("/api/v1/care-units/" + hsaId)
                .then()
                .statusCode(201);
    }

    private void offer(String hsaId, String code) {
        jsonAs(admin)
                .body(Map.of())
                .put("/api/v1/care-units/" + hsaId + "/offerings/" + code)
                .then()
                .statusCode(201);
    }

    private long draft(Map<String, Object> body) {
        return jsonAs(admin)
                .body(body)
                .post("/api/v1/baselines")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private void requirement(long revision, String code, List<String> unitTypes) {
        jsonAs(admin)
                .body(Map.of("unitTypes", unitTypes))
                .put("/api/v1/baselines/" + revision + "/requirements/" + code)
                .then()
                .statusCode(200);
    }
}
