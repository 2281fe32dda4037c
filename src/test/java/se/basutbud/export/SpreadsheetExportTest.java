package se.basutbud.export;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.asAdmin;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.draftBaseline;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.offer;
import static se.basutbud.support.Api.putUnit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import se.basutbud.imports.ImportFixtures;
import se.basutbud.support.Tokens;

/** Lists and reports as spreadsheets: read back by a library, cell by cell, as a person's Excel would. */
@QuarkusTest
class SpreadsheetExportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final LocalDate SINCE = LocalDate.of(2020, 1, 1);
    private static final String AS_OF = "2024-01-01";

    private String provider;
    private String compliant;
    private String partial;
    private String none;
    private long draft;

    /** Three units of a provider of their own: one offers both required services, one of them, one none. */
    @BeforeEach
    void region() {
        provider = newCareProvider();
        compliant = provider + "-1";
        partial = provider + "-2";
        none = provider + "-3";
        String first = createService("Första");
        String second = createService("Andra");
        putUnit(
                compliant,
                "PRIMARY_CARE",
                Map.of("name", "Hälsocentralen Åby", "municipality", "Kalmar", "openedOn", "2019-01-01"));
        putUnit(partial, "PRIMARY_CARE", Map.of("name", "=Vårdcentral;+1", "municipality", "Kalmar"));
        putUnit(none, "PRIMARY_CARE", Map.of("name", "Vårdcentralen Norr", "municipality", "Nybro"));
        offer(compliant, first, SINCE);
        offer(compliant, second, SINCE);
        offer(partial, first, SINCE);
        draft = draftBaseline(LocalDate.of(2023, 1, 1), Map.of(first, List.of(), second, List.of()));
    }

    private byte[] report(String accept, Map<String, ?> query) {
        return asAdmin()
                .accept(accept)
                .queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .queryParams(query)
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .header("Vary", "Accept")
                .extract()
                .asByteArray();
    }

    @Test
    void theComplianceWorkbookHasASummaryAndTheUnitsWithFormatsAFrozenHeaderAndAFilter() throws IOException {
        byte[] workbook = report(XLSX, Map.of());
        try (ReadableWorkbook book =
                new ReadableWorkbook(new ByteArrayInputStream(workbook), new ReadingOptions(true, false))) {
            List<String> names = book.getSheets().map(Sheet::getName).toList();
            assertEquals(List.of("Enheter", "Sammanfattning"), names);
            List<Row> units = book.findSheet("Enheter").orElseThrow().read();
            String title = units.get(0).getCell(0).asString();
            assertTrue(title.contains("revision " + draft) && title.contains(AS_OF), title);
            assertEquals(3, units.get(1).getRowNum(), "the header is on row 3, under the title and a blank row");
            assertEquals("hsaId", units.get(1).getCell(0).asString());
            assertEquals("status", units.get(1).getCell(11).asString());
            Map<String, Row> byUnit = units.subList(2, units.size()).stream()
                    .collect(Collectors.toMap(row -> row.getCell(0).asString(), row -> row));
            assertEquals(3, byUnit.size());
            Row half = byUnit.get(partial);
            assertEquals("=Vårdcentral;+1", half.getCell(1).asString(), "text is text in a workbook, never a formula");
            assertEquals(null, half.getCell(1).getFormula());
            assertEquals(0, half.getCell(10).asNumber().compareTo(new java.math.BigDecimal("0.5")));
            assertTrue(
                    half.getCell(10).getDataFormatString().contains("%"),
                    half.getCell(10).getDataFormatString());
            assertEquals("PARTIAL", half.getCell(11).asString());
            assertEquals(2, half.getCell(6).asNumber().intValue());
            assertEquals("COMPLIANT", byUnit.get(compliant).getCell(11).asString());

            List<Row> summary = book.findSheet("Sammanfattning").orElseThrow().read();
            assertEquals("units", summary.get(1).getCell(5).asString());
            assertEquals(3, summary.get(2).getCell(5).asNumber().intValue());
            assertEquals(1, summary.get(2).getCell(6).asNumber().intValue());
            assertEquals(
                    LocalDate.parse(AS_OF), summary.get(2).getCell(0).asDate().toLocalDate());
        }
        String sheet = entry(workbook, "xl/worksheets/sheet1.xml");
        assertTrue(sheet.contains("state=\"frozen\"") && sheet.contains("topLeftCell=\"A4\""), sheet);
        assertTrue(sheet.contains("<autoFilter ref=\"A3:L6\""), sheet);
        assertTrue(sheet.contains("<col "), "column widths are set: " + sheet);
        String styles = entry(workbook, "xl/styles.xml");
        assertTrue(styles.contains("C6EFCE") && styles.contains("FFEB9C") && styles.contains("FFC7CE"), styles);

        // Preferred to JSON by its rank in Accept.
        byte[] ranked = report("application/json;q=0.5, " + XLSX, Map.of());
        assertTrue(ReadableWorkbook.isOOXMLZipHeader(java.util.Arrays.copyOf(ranked, 4)));
    }

    private static String entry(byte[] zip, String name) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("workbook", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            try (java.util.zip.ZipFile workbook = new java.util.zip.ZipFile(file.toFile())) {
                ZipEntry entry = workbook.getEntry(name);
                if (entry == null) {
                    throw new AssertionError(name + " is not in the workbook");
                }
                return new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void swedishExcelsCsvHasABomSemicolonsAndDecimalCommas() {
        byte[] csv = report("text/csv; dialect=excel-sv", Map.of());
        assertEquals(0xEF, csv[0] & 0xff);
        assertEquals(0xBB, csv[1] & 0xff);
        assertEquals(0xBF, csv[2] & 0xff);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("\"hsaId\";\"name\";\"unitType\""), lines.get(0));
        String partialLine = lines.stream()
                .filter(line -> line.startsWith("\"" + partial))
                .findFirst()
                .orElseThrow();
        assertTrue(partialLine.contains("\"'=Vårdcentral;'+1\""), "formulas neutralised for ; too: " + partialLine);
        assertTrue(partialLine.endsWith(";\"0,5000\";\"PARTIAL\""), partialLine);
    }

    @Test
    void everyComplianceReportComesAsCsvAndAsAWorkbook() throws IOException {
        for (String path : List.of("/services", "/groups?by=municipality", "/trend?from=2023-11-01&to=2024-01-01")) {
            String csv = asAdmin()
                    .accept("text/csv")
                    .queryParam("asOf", AS_OF)
                    .queryParam("baseline", draft)
                    .queryParam("careProvider", provider)
                    .get("/api/v1/compliance" + path)
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/csv"))
                    .header("Content-Disposition", startsWith("attachment; filename="))
                    .extract()
                    .asString();
            byte[] workbook = asAdmin()
                    .accept(XLSX)
                    .queryParam("asOf", AS_OF)
                    .queryParam("baseline", draft)
                    .queryParam("careProvider", provider)
                    .get("/api/v1/compliance" + path)
                    .then()
                    .statusCode(200)
                    .contentType(XLSX)
                    .extract()
                    .asByteArray();
            try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
                List<Row> rows = book.getFirstSheet().read();
                String header = rows.get(1).stream()
                        .map(cell -> cell == null ? "" : cell.asString())
                        .collect(Collectors.joining(","));
                assertEquals(csv.lines().findFirst().orElseThrow().replace("\"", ""), header, path);
                assertEquals(csv.lines().count() + 1, rows.size(), path + ": the same rows under a title");
            }
        }
        String groups = asAdmin()
                .accept("text/csv")
                .queryParam("asOf", AS_OF)
                .queryParam("baseline", draft)
                .queryParam("careProvider", provider)
                .queryParam("by", "municipality")
                .get("/api/v1/compliance/groups")
                .asString();
        assertTrue(groups.contains("\"Kalmar\",2,1,1,0,0.7500"), groups);
        assertProblem(
                asAdmin()
                        .accept("application/pdf")
                        .get("/api/v1/compliance/services")
                        .then(),
                406);
    }

    @Test
    void careUnitsExportedEditedAndImportedAgainChangeOnlyWhatWasEdited() throws Exception {
        String csv = asAdmin()
                .accept("text/csv")
                .queryParam("careProvider", provider)
                .get("/api/v1/care-units")
                .then()
                .statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"care-units.csv\"")
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertEquals(
                "\"hsaId\",\"name\",\"unitType\",\"careProvider\",\"administration\",\"municipality\",\"address\","
                        + "\"phone\",\"website\",\"openedOn\",\"closedOn\"",
                lines.get(0));
        assertEquals(4, lines.size());
        String edited = csv.replace("Vårdcentralen Norr", "Vårdcentralen Norra");
        var accepted = se.basutbud.support.Api.withToken(Tokens.admin())
                .contentType("text/csv")
                .body(edited.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/care-units");
        accepted.then().statusCode(202);
        JsonPath job =
                ImportFixtures.finished(Tokens.admin(), accepted.jsonPath().getLong("id"));
        assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        assertEquals(1, job.getInt("summary.updated"), job.prettify());
        assertEquals(2, job.getInt("summary.unchanged"), job.prettify());
        json().get("/api/v1/care-units/" + none).then().body("name", equalTo("Vårdcentralen Norra"));
        // The apostrophe the export put before a formula start is taken out again by the import.
        json().get("/api/v1/care-units/" + partial).then().body("name", equalTo("=Vårdcentral;+1"));

        byte[] workbook = asAdmin()
                .accept(XLSX)
                .queryParam("careProvider", provider)
                .get("/api/v1/care-units")
                .asByteArray();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            List<Row> rows = book.getFirstSheet().read();
            assertEquals(5, rows.size());
            assertEquals(compliant, rows.get(2).getCell(0).asString());
            assertEquals(
                    LocalDate.of(2019, 1, 1), rows.get(2).getCell(9).asDate().toLocalDate());
        }
    }

    @Test
    void everyUnitsOfferingsAreListedOnADateOrWithHistoryAndExported() {
        String first = json().queryParam("careProvider", provider)
                .queryParam("asOf", AS_OF)
                .get("/api/v1/offerings")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.hsaId", contains(compliant, compliant, partial))
                .body("items[0].unitName", equalTo("Hälsocentralen Åby"))
                .body("items[0].since", equalTo(SINCE.toString()))
                .extract()
                .path("items[2].serviceCode");
        json().queryParam("on", "2024-06-01")
                .delete("/api/v1/care-units/" + partial + "/offerings/" + first)
                .then()
                .statusCode(204);
        json().queryParam("careProvider", provider)
                .get("/api/v1/offerings")
                .then()
                .body("total", equalTo(2));
        json().queryParam("careProvider", provider)
                .queryParam("history", true)
                .queryParam("serviceCode", first)
                .get("/api/v1/offerings")
                .then()
                .body("total", equalTo(2))
                .body("items.until", contains(null, "2024-06-01"));
        String csv = asAdmin()
                .accept("text/csv")
                .queryParam("careProvider", provider)
                .queryParam("history", true)
                .get("/api/v1/offerings")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertEquals(
                "\"hsaId\",\"serviceCode\",\"url\",\"since\",\"until\",\"unitName\",\"serviceName\"", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(
                lines.get(3).startsWith("\"" + partial + "\",\"" + first + "\",,\"2020-01-01\",\"2024-06-01\""),
                lines.get(3));
    }
}
