package se.basutbud.imports;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.imports.ImportFixtures.file;
import static se.basutbud.imports.ImportFixtures.finished;
import static se.basutbud.imports.ImportFixtures.run;
import static se.basutbud.imports.ImportFixtures.submit;
import static se.basutbud.imports.ImportFixtures.zip;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.putUnit;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import se.basutbud.support.Tokens;

@QuarkusTest
class CareUnitImportTest {

    private static final String CSV = "text/csv";

    private static int auditRowsOf(String hsaId) {
        return json().queryParam("key", hsaId)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }

    @Test
    void aSwedishExcelCsvIsImportedAfterADryRunThatWroteNothingAndAgainChangesNothing() {
        String provider = newCareProvider();
        byte[] csv = file("enheter-excel.csv", provider);

        JsonPath dry = run("care-units", CSV, csv, Map.of("dryRun", true));
        assertEquals("SUCCEEDED", dry.getString("status"), dry.prettify());
        assertEquals(
                Map.of("rows", 3, "created", 3, "updated", 0, "unchanged", 0, "closed", 0, "invalid", 0, "skipped", 0),
                dry.getMap("summary"));
        assertEquals(List.of("Kommentar"), dry.getList("ignoredColumns"));
        assertEquals(3, dry.getInt("progress.rowsTotal"));
        assertProblem(json().get("/api/v1/care-units/" + provider + "-1001").then(), 404);
        json().get("/api/v1/imports/" + dry.getLong("id") + "/changes")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.key", contains(provider + "-1001", provider + "-1002", provider + "-1003"))
                .body("items.line", contains(2, 3, 5))
                .body("items[0].action", equalTo("CREATE"))
                .body("items[0].fields.name.to", equalTo("Hälsocentralen Åby"))
                .body("items[0].fields.name.from", nullValue());

        JsonPath real = run("care-units", CSV, csv, Map.of());
        assertEquals("SUCCEEDED", real.getString("status"), real.prettify());
        assertEquals(dry.getMap("summary"), real.getMap("summary"));
        json().get("/api/v1/care-units/" + provider + "-1002")
                .then()
                .statusCode(200)
                .body("name", equalTo("Vårdcentralen \"Norr\"; Öst"))
                .body("careProvider", equalTo(provider))
                .body("municipality", equalTo("Linköping"))
                .body("unitType", equalTo("PRIMARY_CARE"));
        json().get("/api/v1/care-units/" + provider + "-1001")
                .then()
                .body("address", equalTo("Storgatan 1, 602 32 Norrköping"))
                .body("openedOn", equalTo("2020-01-01"));
        json().queryParam("importId", real.getLong("id"))
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.actor", hasItem("test-admin"))
                .body("items[0].importId", equalTo((int) real.getLong("id")));
        assertEquals(1, auditRowsOf(provider + "-1001"));

        JsonPath again = run("care-units", CSV, csv, Map.of());
        assertEquals("SUCCEEDED", again.getString("status"));
        assertEquals(3, again.getInt("summary.unchanged"));
        assertEquals(0, again.getInt("summary.created") + again.getInt("summary.updated"));
        assertEquals(1, auditRowsOf(provider + "-1001"), "an unchanged import writes no audit row");
        json().get("/api/v1/imports/" + again.getLong("id") + "/changes").then().body("total", equalTo(0));
    }

    @Test
    void aColumnTheFileLacksIsLeftAsItIsAndAnEmptyCellClearsIt() {
        String provider = newCareProvider();
        putUnit(
                provider + "-1003",
                "YOUTH_CLINIC",
                Map.of("name", "Gammalt namn", "phone", "0141-100 00", "website", "https://example.se/um"));
        JsonPath job = run("care-units", CSV, file("enheter-excel.csv", provider), Map.of());
        assertEquals(1, job.getInt("summary.updated"), job.prettify());
        json().get("/api/v1/care-units/" + provider + "-1003")
                .then()
                .body("name", equalTo("Ungdomsmottagningen Motala"))
                .body("phone", nullValue())
                .body("website", nullValue());
        JsonPath changes =
                json().get("/api/v1/imports/" + job.getLong("id") + "/changes").jsonPath();
        assertEquals("UPDATE", changes.getString("items.find { it.key == '" + provider + "-1003' }.action"));
        assertEquals(
                "Gammalt namn", changes.getString("items.find { it.key == '" + provider + "-1003' }.fields.name.from"));

        // HSA's names, comma separated: the phone column is there and empty, other values stay.
        String other = newCareProvider();
        putUnit(other + "-2002", "OTHER", Map.of("name", "Tandvård", "administration", "Folktandvården"));
        JsonPath hsa = run("care-units", CSV, file("enheter-hsa-namn.csv", other), Map.of());
        assertEquals("SUCCEEDED", hsa.getString("status"), hsa.prettify());
        json().get("/api/v1/care-units/" + other + "-2001")
                .then()
                .body("unitType", equalTo("CHILD_HEALTH"))
                .body("name", equalTo("Barnavårdscentralen Ljungby"))
                .body("address", equalTo("Torget 2, 341 30 Ljungby"))
                .body("website", equalTo("https://www.1177.se/bvc-ljungby"))
                .body("openedOn", equalTo("2018-03-01"));
        json().get("/api/v1/care-units/" + other + "-2002")
                .then()
                .body("unitType", equalTo("DENTAL_CARE"))
                .body("administration", equalTo("Folktandvården"))
                .body("closedOn", equalTo("2031-01-01"));
    }

    @Test
    void anEmptyCareProviderCellMeansWhatPutDoesWithNone() {
        String provider = newCareProvider();
        String csv = "hsaId,name,unitType,careProvider\n" + provider + "-1,Enhet,OTHER,\n";
        JsonPath job = run("care-units", CSV, bytes(csv), Map.of());
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        json().get("/api/v1/care-units/" + provider + "-1").then().body("careProvider", equalTo(provider));
        JsonPath empty = run("care-units", CSV, bytes("hsaId,name,unitType\n"), Map.of());
        assertEquals("FAILED", empty.getString("status"));
        assertTrue(empty.getString("errors[0].message").contains("no rows"), empty.prettify());
    }

    @Test
    void hsasFileServiceExportIsReadAsXmlAndAsAZip() {
        String provider = newCareProvider();
        byte[] xml = file("hsa-fileservice.xml", provider);
        JsonPath dry = run("care-units", "application/zip", zip("hsaunits.xml", xml), Map.of("dryRun", "true"));
        JsonPath job = run("care-units", "application/xml", xml, Map.of());
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(dry.getMap("summary"), job.getMap("summary"));
        assertEquals(
                Map.of("rows", 4, "created", 3, "updated", 0, "unchanged", 0, "closed", 0, "invalid", 0, "skipped", 1),
                job.getMap("summary"));
        json().get("/api/v1/care-units/" + provider + "-6001")
                .then()
                .body("name", equalTo("Vårdcentralen Berga"))
                .body("careProvider", equalTo(provider))
                .body("administration", equalTo("Primärvård Östra"))
                .body("openedOn", equalTo("2012-01-01"))
                .body("unitType", equalTo("OTHER"));
        json().get("/api/v1/care-units/" + provider + "-6002")
                .then()
                .body("name", equalTo("Barn & ungdom Berga"))
                .body("administration", equalTo("Vårdcentralen Berga"));
        json().get("/api/v1/care-units/" + provider + "-6003").then().body("closedOn", equalTo("2024-06-30"));
        assertProblem(json().get("/api/v1/care-units/" + provider + "-6101").then(), 404);

        // A unit's type set by hand is kept: the export carries none.
        putUnit(
                provider + "-6001",
                "PRIMARY_CARE",
                Map.of("name", "Vårdcentralen Berga", "administration", "Primärvård Östra", "openedOn", "2012-01-01"));
        JsonPath again = run("care-units", "application/xml", xml, Map.of());
        assertEquals(3, again.getInt("summary.unchanged"), again.prettify());
        json().get("/api/v1/care-units/" + provider + "-6001").then().body("unitType", equalTo("PRIMARY_CARE"));
    }

    @Test
    void ndjsonInTheApisOwnShapeIsImported() {
        String provider = newCareProvider();
        JsonPath job = run("care-units", "application/x-ndjson", file("enheter.ndjson", provider), Map.of());
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(2, job.getInt("summary.created"));
        json().get("/api/v1/care-units/" + provider + "-5001")
                .then()
                .body("municipality", equalTo("Umeå"))
                .body("unitType", equalTo("PSYCHIATRY"));
    }

    @Test
    void aFileWithInvalidRowsFailsWithEveryErrorAndWritesNothing() {
        String provider = newCareProvider();
        JsonPath job = run("care-units", CSV, file("enheter-med-fel.csv", provider), Map.of());
        assertEquals("FAILED", job.getString("status"));
        List<Map<String, Object>> errors = job.getList("errors");
        assertTrue(
                errors.contains(Map.of(
                        "line",
                        5,
                        "field",
                        "unitType",
                        "value",
                        "SJUKHUS",
                        "message",
                        errors.stream()
                                .filter(e ->
                                        Integer.valueOf(5).equals(e.get("line")) && "unitType".equals(e.get("field")))
                                .findFirst()
                                .orElseThrow()
                                .get("message"))),
                job.prettify());
        assertTrue(
                errors.stream()
                        .anyMatch(e -> Integer.valueOf(5).equals(e.get("line")) && "openedOn".equals(e.get("field"))),
                job.prettify());
        assertTrue(
                errors.stream()
                        .anyMatch(e -> Integer.valueOf(3).equals(e.get("line")) && "name".equals(e.get("field"))),
                job.prettify());
        assertTrue(
                errors.stream()
                        .anyMatch(e -> Integer.valueOf(6).equals(e.get("line")) && "closedOn".equals(e.get("field"))),
                job.prettify());
        assertTrue(
                errors.stream()
                        .anyMatch(e -> Integer.valueOf(7).equals(e.get("line")) && "hsaId".equals(e.get("field"))),
                job.prettify());
        assertTrue(
                errors.stream()
                        .anyMatch(e -> Integer.valueOf(8).equals(e.get("line"))
                                && String.valueOf(e.get("message")).contains("line 2")),
                job.prettify());
        assertTrue(
                errors.stream()
                        .anyMatch(e -> Integer.valueOf(9).equals(e.get("line")) && "phone".equals(e.get("field"))),
                job.prettify());
        assertEquals(6, job.getInt("summary.invalid"), job.prettify());
        assertProblem(json().get("/api/v1/care-units/" + provider + "-3001").then(), 404);
        json().get("/api/v1/imports/" + job.getLong("id") + "/changes").then().body("total", equalTo(0));
    }

    @Test
    void filesThatCannotBeReadFailWithWhereAndWhy() {
        String provider = newCareProvider();
        JsonPath latin1 = run("care-units", CSV, file("enheter-latin1.csv", provider), Map.of());
        assertEquals("FAILED", latin1.getString("status"));
        assertEquals(2, latin1.getInt("errors[0].line"));
        assertTrue(latin1.getString("errors[0].message").contains("not UTF-8"), latin1.prettify());
        assertTrue(latin1.getString("errors[0].message").contains("Windows-1252"), latin1.prettify());

        JsonPath broken = run("care-units", "application/xml", file("hsa-trasig.xml", provider), Map.of());
        assertEquals("FAILED", broken.getString("status"));
        assertTrue(broken.getString("errors[0].message").contains("not well-formed"), broken.prettify());
        assertTrue(broken.getInt("errors[0].line") >= 11, broken.prettify());

        JsonPath entity = run("care-units", "application/xml", file("hsa-entitet.xml", provider), Map.of());
        assertEquals("FAILED", entity.getString("status"), "a file may not declare entities: " + entity.prettify());
        assertProblem(json().get("/api/v1/care-units/" + provider + "-8001").then(), 404);

        JsonPath noId = run("care-units", CSV, file("enheter-utan-hsaid.csv", provider), Map.of());
        assertEquals("FAILED", noId.getString("status"));
        assertTrue(noId.getString("errors[0].message").contains("no column hsaId"), noId.prettify());

        JsonPath ragged = run("care-units", CSV, file("enheter-ojamn.csv", provider), Map.of());
        assertEquals("FAILED", ragged.getString("status"));
        assertEquals(2, ragged.getInt("errors[0].line"), ragged.prettify());

        JsonPath ndjson = run("care-units", "application/x-ndjson", file("enheter-trasig.ndjson", provider), Map.of());
        assertEquals("FAILED", ndjson.getString("status"));
        assertEquals(2, ndjson.getInt("errors[0].line"), ndjson.prettify());
        assertProblem(json().get("/api/v1/care-units/" + provider + "-5001").then(), 404);

        JsonPath twoFiles = run("care-units", "application/zip", twoEntryZip(provider), Map.of());
        assertEquals("FAILED", twoFiles.getString("status"));
        assertTrue(twoFiles.getString("errors[0].message").contains("more than one file"), twoFiles.prettify());

        JsonPath notZip =
                run("care-units", "application/zip", "PK nonsense".getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals("FAILED", notZip.getString("status"), notZip.prettify());
    }

    private static byte[] twoEntryZip(String provider) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (String name : List.of("a.xml", "b.xml")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(file("hsa-fileservice.xml", provider));
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void requestsThatCannotBeAFileImportAreProblems() {
        assertProblem(submit("care-units", CSV, new byte[0], Map.of()).then(), 400);
        assertProblem(
                submit("care-units", "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of())
                        .then(),
                415);
        assertProblem(
                submit("offerings", "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8), Map.of())
                        .then(),
                415);
        assertProblem(
                        submit("care-units", CSV, "hsaId\n".getBytes(StandardCharsets.UTF_8), Map.of("mode", "full"))
                                .then(),
                        400)
                .body("errors.field", contains("careProvider"));
        assertProblem(
                submit("care-units", CSV, "hsaId\n".getBytes(StandardCharsets.UTF_8), Map.of("mode", "everything"))
                        .then(),
                400);
        assertProblem(
                submit(
                                Tokens.editor("SE2321000073"),
                                "care-units",
                                CSV,
                                "hsaId\n".getBytes(StandardCharsets.UTF_8),
                                Map.of())
                        .then(),
                403);
        assertProblem(json().get("/api/v1/imports/999999999").then(), 404);
        assertProblem(json().get("/api/v1/imports/abc").then(), 400);
    }

    @Test
    void aFileAnnouncedLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        int port = RestAssured.port;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/imports/care-units HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + Tokens.admin() + "\r\nContent-Type: text/csv\r\nContent-Length: 60000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            String answer = head.toString();
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
        }
    }

    @Test
    void aFullImportClosesTheProvidersUnitsItNoLongerListsButNotARegion() {
        String provider = newCareProvider();
        StringBuilder all = new StringBuilder("hsaId;name;unitType\r\n");
        for (int i = 1; i <= 12; i++) {
            all.append(provider)
                    .append("-")
                    .append(9000 + i)
                    .append(";Enhet ")
                    .append(i)
                    .append(";PRIMARY_CARE\r\n");
        }
        assertEquals("SUCCEEDED", run("care-units", CSV, bytes(all), Map.of()).getString("status"));
        String elsewhere = newCareProvider() + "-1";
        putUnit(elsewhere, "PRIMARY_CARE", Map.of());

        StringBuilder elevenOfThem = new StringBuilder("hsaId;name;unitType\r\n");
        for (int i = 1; i <= 11; i++) {
            elevenOfThem
                    .append(provider)
                    .append("-")
                    .append(9000 + i)
                    .append(";Enhet ")
                    .append(i)
                    .append(";PRIMARY_CARE\r\n");
        }
        JsonPath closing =
                run("care-units", CSV, bytes(elevenOfThem), Map.of("mode", "full", "careProvider", provider));
        assertEquals("SUCCEEDED", closing.getString("status"), closing.prettify());
        assertEquals(1, closing.getInt("summary.closed"));
        assertEquals(11, closing.getInt("summary.unchanged"));
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).toString();
        json().get("/api/v1/care-units/" + provider + "-9012").then().body("closedOn", equalTo(today));
        json().get("/api/v1/imports/" + closing.getLong("id") + "/changes")
                .then()
                .body("items[0].action", equalTo("CLOSE"))
                .body("items[0].line", nullValue())
                .body("items[0].fields.closedOn.to", equalTo(today));
        json().get("/api/v1/care-units/" + elsewhere).then().body("closedOn", nullValue());

        String truncated = "hsaId;name;unitType\r\n" + provider + "-9001;Enhet 1;PRIMARY_CARE\r\n";
        JsonPath refused = run(
                "care-units",
                CSV,
                truncated.getBytes(StandardCharsets.UTF_8),
                Map.of("mode", "full", "careProvider", provider));
        assertEquals("FAILED", refused.getString("status"));
        assertTrue(
                refused.getString("errors[0].message").contains("would close 10 of the 11 open units"),
                refused.prettify());
        json().get("/api/v1/care-units/" + provider + "-9002").then().body("closedOn", nullValue());

        JsonPath allowed = run(
                "care-units",
                CSV,
                truncated.getBytes(StandardCharsets.UTF_8),
                Map.of("mode", "full", "careProvider", provider, "allowMassClose", true));
        assertEquals("SUCCEEDED", allowed.getString("status"), allowed.prettify());
        assertEquals(10, allowed.getInt("summary.closed"));
        json().get("/api/v1/care-units/" + provider + "-9002").then().body("closedOn", equalTo(today));
    }

    private static byte[] bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJobWhoseReplicaDiedEndsFailedForEveryReplica() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        String password = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource.password", String.class)
                .orElse("");
        long id;
        // As a replica that died mid-import leaves it: running, its heart stopped a minute ago.
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement insert = connection.prepareStatement(
                        "insert into import_job (kind, mode, dry_run, media_type, status, submitted_by, submitted_at,"
                                + " started_at, heartbeat_at, import_date) values ('CARE_UNITS', 'UPSERT', false,"
                                + " 'text/csv', 'RUNNING', 'test-admin', now() - interval '2 minutes', now() - interval"
                                + " '2 minutes', now() - interval '1 minute', current_date) returning id")) {
            var rows = insert.executeQuery();
            rows.next();
            id = rows.getLong(1);
        }
        JsonPath job = finished(Tokens.admin(), id);
        assertEquals("FAILED", job.getString("status"));
        assertTrue(job.getString("errors[0].message").contains("stopped before it finished"), job.prettify());
    }

    @Test
    void aUnitEditorSeesOnlyItsOwnJobs() {
        String provider = newCareProvider();
        putUnit(provider + "-1", "PRIMARY_CARE", Map.of());
        String editor = Tokens.editor(provider);
        String csv = "hsaId,serviceCode,url\n" + provider + "-1,fornya-recept,https://e-tjanster.1177.se/x\n";
        var accepted = submit(editor, "offerings", CSV, csv.getBytes(StandardCharsets.UTF_8), Map.of());
        accepted.then()
                .statusCode(202)
                .header(
                        "Location",
                        endsWith("/api/v1/imports/" + accepted.jsonPath().getLong("id")))
                .body("status", equalTo("QUEUED"))
                .body("kind", equalTo("OFFERINGS"))
                .body("submittedBy", equalTo("test-editor"));
        long id = accepted.jsonPath().getLong("id");
        assertEquals("SUCCEEDED", finished(editor, id).getString("status"));
        long adminJob = run("care-units", CSV, bytes("hsaId,name,unitType\n" + provider + "-2,Enhet,OTHER\n"), Map.of())
                .getLong("id");
        assertProblem(
                se.basutbud.support.Api.jsonAs(editor)
                        .get("/api/v1/imports/" + adminJob)
                        .then(),
                404);
        se.basutbud.support.Api.jsonAs(editor)
                .get("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("items.submittedBy", org.hamcrest.Matchers.everyItem(equalTo("test-editor")))
                .body("items.id", hasItem((int) id));
        json().get("/api/v1/imports")
                .then()
                .body("items.id", hasItem((int) adminJob))
                .body("items[0].id", equalTo((int) adminJob));
    }
}
