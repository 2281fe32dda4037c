package se.basutbud.imports;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.imports.ImportFixtures.file;
import static se.basutbud.imports.ImportFixtures.finished;
import static se.basutbud.imports.ImportFixtures.run;
import static se.basutbud.imports.ImportFixtures.submit;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.offer;
import static se.basutbud.support.Api.putUnit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import se.basutbud.support.Tokens;

@QuarkusTest
class PeriodImportTest {

    private static final String CSV = "text/csv";

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Stockholm"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> errorsOn(JsonPath job, int line) {
        return job.<Map<String, Object>>getList("errors").stream()
                .filter(error -> Integer.valueOf(line).equals(error.get("line")))
                .toList();
    }

    @Test
    void offeringsComeInWithTheirHistoryAndAgainChangeNothing() {
        String provider = newCareProvider();
        putUnit(provider + "-1", "PRIMARY_CARE", Map.of());
        putUnit(provider + "-2", "PRIMARY_CARE", Map.of());
        byte[] csv = file("erbjudanden.csv", provider);
        JsonPath dry = run("offerings", CSV, csv, Map.of("dryRun", true));
        JsonPath job = run("offerings", CSV, csv, Map.of());
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(dry.getMap("summary"), job.getMap("summary"));
        assertEquals(4, job.getInt("summary.created"));
        json().get("/api/v1/care-units/" + provider + "-1/offerings/bestall-tid")
                .then()
                .statusCode(200)
                .body("since", contains("2023-01-01", "2025-01-01"))
                .body("until", contains("2024-01-01", null))
                .body("url[1]", equalTo("https://e-tjanster.1177.se/mvk/tid2"));
        json().queryParam("asOf", "2024-02-01")
                .get("/api/v1/care-units/" + provider + "-1/offerings")
                .then()
                .body("serviceCode", contains("fornya-recept"));
        json().queryParam("importId", job.getLong("id"))
                .queryParam("entityType", "OFFERING")
                .get("/api/v1/audit")
                .then()
                .body("total", equalTo(4));

        JsonPath again = run("offerings", CSV, csv, Map.of());
        assertEquals(4, again.getInt("summary.unchanged"), again.prettify());
        json().queryParam("importId", again.getLong("id"))
                .get("/api/v1/audit")
                .then()
                .body("total", equalTo(0));

        // NDJSON in the API's own shape names the same period by its start.
        JsonPath ndjson = run("offerings", "application/x-ndjson", file("erbjudanden.ndjson", provider), Map.of());
        assertEquals(1, ndjson.getInt("summary.unchanged"), ndjson.prettify());

        // A row without a start names the offering in progress: a new link updates it, as PUT does.
        JsonPath link = run(
                "offerings",
                CSV,
                bytes("hsaId,serviceCode,url\n" + provider + "-1,fornya-recept,https://e-tjanster.1177.se/ny\n"),
                Map.of());
        assertEquals(1, link.getInt("summary.updated"), link.prettify());
        json().get("/api/v1/imports/" + link.getLong("id") + "/changes")
                .then()
                .body("items[0].action", equalTo("UPDATE"))
                .body("items[0].fields.url.from", equalTo("https://e-tjanster.1177.se/mvk/recept"))
                .body("items[0].fields.url.to", equalTo("https://e-tjanster.1177.se/ny"));
    }

    @Test
    void rowsThatBreakTheApisRulesAreErrorsAndNothingIsWritten() {
        String provider = newCareProvider();
        putUnit(provider + "-1", "PRIMARY_CARE", Map.of());
        putUnit(provider + "-2", "PRIMARY_CARE", Map.of("openedOn", "2000-01-01", "closedOn", "2001-01-01"));
        offer(provider + "-1", "bestall-tid", LocalDate.of(2020, 1, 1));
        String retired = createService("Gammal");
        json().body(Map.of("name", "Gammal", "status", "RETIRED"))
                .put("/api/v1/e-services/" + retired)
                .then()
                .statusCode(200);
        String csv = String.join(
                "\n",
                "hsaId,serviceCode,url,since,until",
                provider + "-1,fornya-recept,https://e-tjanster.1177.se/ok,2024-01-01,",
                provider + "-9,fornya-recept,,,",
                provider + "-2,fornya-recept,,,",
                provider + "-1," + retired + ",,,",
                provider + "-1,finns-inte,,,",
                provider + "-1,bestall-tid,,2019-06-01,2021-01-01",
                provider + "-1,fornya-recept,,2024-01-01,",
                provider + "-1,begar-intyg,javascript:alert(1),,",
                provider + "-1,av-omboka-tid,,2024-05-01,2024-04-01",
                "");
        JsonPath job = run("offerings", CSV, bytes(csv), Map.of());
        assertEquals("FAILED", job.getString("status"));
        assertEquals("hsaId", errorsOn(job, 3).get(0).get("field"), job.prettify());
        assertTrue(String.valueOf(errorsOn(job, 4).get(0).get("message")).contains("closed"), job.prettify());
        assertTrue(String.valueOf(errorsOn(job, 5).get(0).get("message")).contains("retired"), job.prettify());
        assertEquals("serviceCode", errorsOn(job, 6).get(0).get("field"), job.prettify());
        assertTrue(String.valueOf(errorsOn(job, 7).get(0).get("message")).contains("overlap"), job.prettify());
        assertTrue(String.valueOf(errorsOn(job, 8).get(0).get("message")).contains("line 2"), job.prettify());
        assertEquals("url", errorsOn(job, 9).get(0).get("field"), job.prettify());
        assertEquals("until", errorsOn(job, 10).get(0).get("field"), job.prettify());
        assertTrue(errorsOn(job, 2).isEmpty(), job.prettify());
        assertEquals(8, job.getInt("summary.invalid"));
        json().get("/api/v1/care-units/" + provider + "-1/offerings/fornya-recept")
                .then()
                .body("size()", equalTo(0));
    }

    @Test
    void twoRowsOfOneUnitAndServiceThatMeetAreAnErrorNotAMerge() {
        String provider = newCareProvider();
        putUnit(provider + "-1", "PRIMARY_CARE", Map.of());
        String csv = "hsaId;serviceCode;url;since\n"
                + provider + "-1;fornya-recept;https://e-tjanster.1177.se/a;2024-01-01\n"
                + provider + "-1;fornya-recept;https://e-tjanster.1177.se/b;2025-01-01\n";
        JsonPath dry = run("offerings", CSV, bytes(csv), Map.of("dryRun", true));
        assertEquals("FAILED", dry.getString("status"), dry.prettify());
        assertTrue(String.valueOf(errorsOn(dry, 3).get(0).get("message")).contains("overlap"), dry.prettify());
        assertEquals("FAILED", run("offerings", CSV, bytes(csv), Map.of()).getString("status"));
        json().get("/api/v1/care-units/" + provider + "-1/offerings/fornya-recept")
                .then()
                .body("size()", equalTo(0));
    }

    @Test
    void anEndedPeriodIsHistoryThatAFileDoesNotChange() {
        String provider = newCareProvider();
        putUnit(provider + "-1", "PRIMARY_CARE", Map.of());
        offer(provider + "-1", "bestall-tid", LocalDate.of(2020, 1, 1));
        json().queryParam("on", "2021-01-01")
                .delete("/api/v1/care-units/" + provider + "-1/offerings/bestall-tid")
                .then()
                .statusCode(204);
        String same = "hsaId,serviceCode,since,until\n" + provider + "-1,bestall-tid,2020-01-01,2021-01-01\n";
        assertEquals(1, run("offerings", CSV, bytes(same), Map.of()).getInt("summary.unchanged"));
        String rewritten = "hsaId,serviceCode,url,since,until\n" + provider
                + "-1,bestall-tid,https://e-tjanster.1177.se/ny,2020-01-01,2021-01-01\n";
        JsonPath job = run("offerings", CSV, bytes(rewritten), Map.of());
        assertEquals("FAILED", job.getString("status"));
        assertTrue(String.valueOf(errorsOn(job, 2).get(0).get("message")).contains("ended"), job.prettify());
    }

    @Test
    void aFullImportEndsTheProvidersOfferingsItDoesNotList() {
        String provider = newCareProvider();
        putUnit(provider + "-1", "PRIMARY_CARE", Map.of());
        offer(provider + "-1", "fornya-recept", LocalDate.of(2024, 1, 1));
        offer(provider + "-1", "bestall-tid", LocalDate.of(2024, 1, 1));
        String other = newCareProvider() + "-1";
        putUnit(other, "PRIMARY_CARE", Map.of());
        offer(other, "bestall-tid", LocalDate.of(2024, 1, 1));
        JsonPath job = run(
                "offerings",
                CSV,
                bytes("hsaId,serviceCode,url\n" + provider + "-1,fornya-recept,\n"),
                Map.of("mode", "full", "careProvider", provider));
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("summary.closed"));
        assertEquals(1, job.getInt("summary.unchanged"));
        json().get("/api/v1/care-units/" + provider + "-1/offerings/bestall-tid")
                .then()
                .body("until", contains(today().toString()));
        json().get("/api/v1/imports/" + job.getLong("id") + "/changes")
                .then()
                .body("items[0].key", equalTo(provider + "-1/bestall-tid"))
                .body("items[0].action", equalTo("END"))
                .body("items[0].line", nullValue());
        json().get("/api/v1/care-units/" + other + "/offerings/bestall-tid")
                .then()
                .body("until", contains((Object) null));
    }

    @Test
    void aUnitEditorImportsOnlyItsOwnUnitsRowsWithinTheBackDatingWindow() {
        String provider = newCareProvider();
        String foreign = newCareProvider();
        putUnit(provider + "-1", "PRIMARY_CARE", Map.of());
        putUnit(foreign + "-1", "PRIMARY_CARE", Map.of());
        String editor = Tokens.editor(provider);
        String csv = "hsaId,serviceCode,since\n"
                + provider + "-1,fornya-recept," + today() + "\n"
                + foreign + "-1,fornya-recept,\n"
                + provider + "-1,bestall-tid," + today().minusDays(400) + "\n";
        var accepted = submit(editor, "offerings", CSV, bytes(csv), Map.of());
        accepted.then().statusCode(202);
        JsonPath job = finished(editor, accepted.jsonPath().getLong("id"));
        assertEquals("FAILED", job.getString("status"));
        assertTrue(String.valueOf(errorsOn(job, 3).get(0).get("message")).contains(foreign), job.prettify());
        assertTrue(String.valueOf(errorsOn(job, 4).get(0).get("message")).contains("administrator"), job.prettify());
        assertTrue(errorsOn(job, 2).isEmpty(), job.prettify());

        var mine = submit(
                editor, "offerings", CSV, bytes("hsaId,serviceCode\n" + provider + "-1,fornya-recept\n"), Map.of());
        JsonPath ok = finished(editor, mine.jsonPath().getLong("id"));
        assertEquals("SUCCEEDED", ok.getString("status"), ok.prettify());
        json().get("/api/v1/care-units/" + provider + "-1/offerings/fornya-recept")
                .then()
                .body("since", contains(today().toString()));
        se.basutbud.support.Api.assertProblem(
                submit(
                                editor,
                                "offerings",
                                CSV,
                                bytes("hsaId,serviceCode\n"),
                                Map.of("mode", "full", "careProvider", foreign))
                        .then(),
                403);
    }

    @Test
    void listedResidentsComeInAsFiguresFromDates() {
        String provider = newCareProvider();
        putUnit(provider + "-1", "PRIMARY_CARE", Map.of());
        putUnit(provider + "-2", "PRIMARY_CARE", Map.of());
        // As Excel with Swedish settings writes a number with a thousands separator.
        String csv = "hsaId;count;from\r\n" + provider + "-1;12 400;2024-01-01\r\n" + provider + "-2;3100;\r\n";
        JsonPath job = run("listed-residents", CSV, bytes(csv), Map.of());
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("summary.created"));
        json().get("/api/v1/care-units/" + provider + "-1/listed-residents")
                .then()
                .body("count", contains(12_400))
                .body("from", contains("2024-01-01"));
        json().get("/api/v1/care-units/" + provider + "-2/listed-residents")
                .then()
                .body("from", contains(today().toString()));
        assertEquals(2, run("listed-residents", CSV, bytes(csv), Map.of()).getInt("summary.unchanged"));
        JsonPath bad = run(
                "listed-residents",
                CSV,
                bytes("hsaId;count;from\n" + provider + "-1;många;\n" + provider + "-1;-5;\n"),
                Map.of());
        assertEquals("FAILED", bad.getString("status"));
        assertEquals("count", errorsOn(bad, 2).get(0).get("field"), bad.prettify());
        assertEquals("count", errorsOn(bad, 3).get(0).get("field"), bad.prettify());
        se.basutbud.support.Api.assertProblem(
                submit("listed-residents", CSV, bytes(csv), Map.of("mode", "full", "careProvider", provider))
                        .then(),
                400);
    }

    @Test
    void aUnitEditorsFileAsksForExemptionsThatAnAdministratorDecides() {
        String provider = newCareProvider();
        putUnit(provider + "-1", "PRIMARY_CARE", Map.of());
        Response accepted = submit(
                se.basutbud.support.Tokens.editor(provider),
                "exemptions",
                CSV,
                file("undantag.csv", provider),
                Map.of());
        accepted.then().statusCode(202);
        JsonPath job = finished(
                se.basutbud.support.Tokens.editor(provider), accepted.jsonPath().getLong("id"));
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        json().get("/api/v1/care-units/" + provider + "-1/exemptions")
                .then()
                .body("status", contains("REQUESTED"))
                .body("reasonCode", contains("DECIDED"))
                .body("requestedBy", contains("test-editor"))
                .body("[0].decidedBy", org.hamcrest.Matchers.nullValue());
        json().body(Map.of("note", "Ombyggnaden är beslutad"))
                .post("/api/v1/care-units/" + provider + "-1/exemptions/resevaccination/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("test-admin"));
    }

    @Test
    void exemptionsComeInWithReasonsAndEndWhenAFullImportNoLongerListsThem() {
        String provider = newCareProvider();
        putUnit(provider + "-1", "PRIMARY_CARE", Map.of());
        JsonPath job = run("exemptions", CSV, file("undantag.csv", provider), Map.of());
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("summary.created"));
        json().get("/api/v1/care-units/" + provider + "-1/exemptions")
                .then()
                .body("serviceCode", contains("resevaccination"))
                .body("reason", contains("Ingen vaccinationsmottagning; ombyggnad till 2030"))
                .body("since", contains(today().toString()))
                .body("until", contains("2030-01-01"));
        assertEquals(
                1,
                run("exemptions", CSV, file("undantag.csv", provider), Map.of()).getInt("summary.unchanged"));

        JsonPath noReason =
                run("exemptions", CSV, bytes("hsaId,serviceCode,reason\n" + provider + "-1,bestall-tid,\n"), Map.of());
        assertEquals("FAILED", noReason.getString("status"));
        assertEquals("reason", errorsOn(noReason, 2).get(0).get("field"), noReason.prettify());

        JsonPath ended = run(
                "exemptions",
                CSV,
                bytes("hsaId,serviceCode,reason\n" + provider + "-1,bestall-tid,Ingen tidbok\n"),
                Map.of("mode", "full", "careProvider", provider));
        assertEquals("SUCCEEDED", ended.getString("status"), ended.prettify());
        assertEquals(1, ended.getInt("summary.closed"));
        assertEquals(1, ended.getInt("summary.created"));
        // It had not started before today: it never took effect, so it is gone, as DELETE does.
        json().get("/api/v1/care-units/" + provider + "-1/exemptions")
                .then()
                .body("serviceCode", contains("bestall-tid"));
        // A file with no rows is refused, not read as "end them all": it may be a truncated one.
        JsonPath empty = run(
                "exemptions",
                CSV,
                bytes("hsaId,serviceCode,reason\n"),
                Map.of("mode", "full", "careProvider", provider));
        assertEquals("FAILED", empty.getString("status"), empty.prettify());
    }
}
