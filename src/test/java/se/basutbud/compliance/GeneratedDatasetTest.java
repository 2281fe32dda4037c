package se.basutbud.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.json;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import se.basutbud.bench.DatasetGenerator;
import se.basutbud.support.DependsOnTheDatabaseServer;
import se.basutbud.support.FixedTimeSource;

/**
 * The benchmark's generator at a small size, loaded as bench/run loads it (COPY), then every set-based
 * answer of the service checked, unit by unit, against {@link RawTablesOracle}, which reads the raw tables
 * and applies the contract's rules in Java, sharing no code with the service: the full report (JSON and CSV),
 * one unit's compliance, the hand-written SQL the benchmark measures as the database's floor, coverage per
 * service, groups, every point of the trend, and the contact cards built from the loaded data. Dated in the
 * 2980s, far from today and from the other tests' dates, and under care providers of its own; loaded once
 * per database, so the test runs again on a database an earlier run left it in.
 */
@QuarkusTest
@TestProfile(DependsOnTheDatabaseServer.Profile.class)
@DependsOnTheDatabaseServer
// Near the end: its thousand units would make every later test's daily card refresh a thousand cards longer.
@Order(Integer.MAX_VALUE - 1)
class GeneratedDatasetTest {

    private static final long SEED = 7;
    private static final int YEAR = 2990;
    private static final LocalDate AS_OF = LocalDate.of(YEAR, 6, 1);
    private static boolean loaded;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void loadOnce() throws Exception {
        synchronized (GeneratedDatasetTest.class) {
            if (!loaded
                    && single("select count(*) from baseline where valid_from = date '" + YEAR + "-01-01'")
                            .equals("0")) {
                try (Connection connection = dataSource.getConnection()) {
                    load(connection);
                }
            }
            loaded = true;
        }
    }

    /**
     * The generator's script in one transaction of this test's own making: on any failure it is rolled back
     * before the connection goes back to the pool, never left there aborted.
     */
    private static void load(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try {
            new DatasetGenerator(SEED, DatasetGenerator.Size.S, YEAR).writeTo(jdbc(connection));
            connection.commit();
        } catch (Exception | Error e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private RawTablesOracle oracle() {
        try (Connection connection = dataSource.getConnection()) {
            return new RawTablesOracle(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theGeneratorIsDeterministicBySeed() throws IOException {
        String first = script(SEED);
        assertEquals(first, script(SEED), "the same seed gives the same dataset");
        assertNotEquals(first, script(SEED + 1), "another seed gives another dataset");
    }

    @Test
    void theGeneratedDataIsANationalDatasetInSmall() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String[] count : new String[][] {
                {"units", "select count(*) from care_unit where hsa_id like 'SE232100%' or hsa_id like 'SE55690%'"},
                {"regions", "select count(distinct care_provider) from care_unit where care_provider like 'SE232100%'"},
                {
                    "privateProviders",
                    "select count(distinct care_provider) from care_unit where care_provider like 'SE55690%'"
                },
                {"unitTypes", "select count(distinct unit_type) from care_unit where care_provider like 'SE232100%'"},
                {
                    "municipalities",
                    "select count(distinct municipality) from care_unit where care_provider like 'SE232100%' or care_provider like 'SE55690%'"
                },
                {"regionalServices", "select count(*) from e_service where code like 'regional-tjanst-%'"},
                {
                    "published",
                    "select count(*) from baseline where status = 'PUBLISHED' and valid_from between date '2988-01-01' and date '2990-01-01'"
                },
                {"drafts", "select count(*) from baseline where status = 'DRAFT' and valid_from = date '2991-01-01'"},
                {
                    "limitedRequirements",
                    "select count(*) from baseline_requirement r join baseline b on b.id = r.baseline_id where b.valid_from = date '2990-01-01' and cardinality(r.unit_types) > 0"
                },
                {
                    "requirements",
                    "select count(*) from baseline_requirement r join baseline b on b.id = r.baseline_id where b.valid_from = date '2990-01-01'"
                },
                {
                    "exemptedUnits",
                    "select count(distinct care_unit_id) from exemption x join care_unit u on u.id = x.care_unit_id where u.hsa_id like 'SE232100%' or u.hsa_id like 'SE55690%'"
                },
                {
                    "withdrawn",
                    "select count(*) from offering o join care_unit u on u.id = o.care_unit_id where o.until is not null and u.hsa_id like 'SE232100%'"
                },
                {
                    "overlapping",
                    "select count(*) from offering a join offering b on a.care_unit_id = b.care_unit_id and a.e_service_id = b.e_service_id and a.id < b.id and a.since < coalesce(b.until, 'infinity') and b.since < coalesce(a.until, 'infinity')"
                }
            }) {
                try (ResultSet rows = statement.executeQuery(count[1])) {
                    rows.next();
                    counts.put(count[0], rows.getLong(1));
                }
            }
        }
        assertEquals(1_000, counts.get("units"));
        assertEquals(21, counts.get("regions"));
        assertTrue(counts.get("privateProviders") > 20, counts.toString());
        assertEquals(9, counts.get("unitTypes"));
        assertTrue(counts.get("municipalities") > 250, counts.toString());
        assertEquals(18, counts.get("regionalServices"), "40 e-services with the 22 of the reference catalogue");
        assertEquals(3, counts.get("published"));
        assertEquals(1, counts.get("drafts"));
        assertTrue(counts.get("requirements") >= 18 && counts.get("requirements") <= 26, counts.toString());
        assertTrue(counts.get("limitedRequirements") >= 4, counts.toString());
        assertTrue(counts.get("exemptedUnits") >= 5 && counts.get("exemptedUnits") <= 50, counts.toString());
        assertTrue(counts.get("withdrawn") > 1_000, counts.toString());
        assertEquals(0, counts.get("overlapping"), "offering periods of a unit and service never overlap");

        // The API serves the loaded data as if it had been entered through it.
        String withdrawn =
                single("select u.hsa_id || ' ' || s.code from offering o join care_unit u on u.id = o.care_unit_id "
                        + "join e_service s on s.id = o.e_service_id where u.care_provider = 'SE2321000001' and o.until is not null "
                        + "order by 1 limit 1");
        String hsaId = withdrawn.split(" ")[0];
        JsonPath unit = json().get("/api/v1/care-units/" + hsaId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("SE2321000001", unit.getString("careProvider"));
        List<Map<String, Object>> history = json().get("/api/v1/care-units/" + hsaId + "/offerings/"
                        + withdrawn.split(" ")[1])
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertTrue(history.stream().anyMatch(period -> period.get("until") != null), history.toString());
        String offering =
                single("select min(u.hsa_id) from care_unit u where u.care_provider = 'SE2321000001' and exists "
                        + "(select 1 from offering o where o.care_unit_id = u.id and o.since <= date '" + AS_OF
                        + "' and o.until is null)");
        assertFalse(json().queryParam("asOf", AS_OF.toString())
                .get("/api/v1/care-units/" + offering + "/offerings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .isEmpty());
    }

    @Test
    void theFullReportIsWhatTheRawTablesSayOnEveryUnit() {
        RawTablesOracle oracle = oracle();
        Map<String, RawTablesOracle.Expected> expected = oracle.on(AS_OF, oracle.inForceOn(AS_OF));
        JsonPath report = fullReport();
        List<Map<String, Object>> rows = report.getList("units");
        assertTrue(rows.size() > 900, "the dataset's open units are in the report: " + rows.size());
        assertEquals(
                List.copyOf(expected.keySet()),
                rows.stream().map(row -> row.get("hsaId")).toList());
        int compliant = 0;
        int partial = 0;
        int nonCompliant = 0;
        double total = 0;
        for (Map<String, Object> row : rows) {
            String hsaId = (String) row.get("hsaId");
            RawTablesOracle.Expected unit = expected.get(hsaId);
            assertEquals(unit.required().size(), row.get("required"), hsaId);
            assertEquals(unit.offered().size(), row.get("offered"), hsaId);
            assertEquals(unit.missing(), row.get("missing"), hsaId);
            assertEquals(unit.exempted(), row.get("exempted"), hsaId);
            assertEquals(unit.score(), ((Number) row.get("score")).doubleValue(), 1e-12, hsaId);
            assertEquals(unit.status(), row.get("status"), hsaId);
            switch (unit.status()) {
                case "COMPLIANT" -> compliant++;
                case "PARTIAL" -> partial++;
                default -> nonCompliant++;
            }
            total += unit.score();
        }
        assertTrue(compliant > 0 && partial > 0, "the dataset has compliant and partial units");
        assertEquals(rows.size(), report.getInt("summary.units"));
        assertEquals(compliant, report.getInt("summary.compliant"));
        assertEquals(partial, report.getInt("summary.partial"));
        assertEquals(nonCompliant, report.getInt("summary.nonCompliant"));
        assertEquals(total / rows.size(), report.getDouble("summary.averageScore"), 1e-9);

        // One unit's compliance, for a sample of units: the per-unit path, with its own read.
        expected.values().stream()
                .filter(unit -> unit.hsaId().startsWith("SE232100"))
                .limit(40)
                .forEach(unit -> {
                    JsonPath one = json().queryParam("asOf", AS_OF.toString())
                            .get("/api/v1/care-units/" + unit.hsaId() + "/compliance")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    assertEquals(unit.required(), one.getList("required"), unit.hsaId());
                    assertEquals(unit.offered(), one.getList("offered"), unit.hsaId());
                    assertEquals(unit.missing(), one.getList("missing"), unit.hsaId());
                    assertEquals(unit.exempted(), one.getList("exempted"), unit.hsaId());
                    assertEquals(unit.status(), one.getString("status"), unit.hsaId());
                });

        // The same rows as CSV.
        String csv = json().accept("text/csv")
                .queryParam("asOf", AS_OF.toString())
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(rows.size() + 1, lines.length);
        for (int i = 0; i < rows.size(); i++) {
            // Text is quoted (a list of codes stays one cell where ";" separates cells too); the generated names
            // hold no comma or quote, so a split is enough here.
            String[] cells = lines[i + 1].replace("\"", "").split(",", -1);
            assertEquals(rows.get(i).get("hsaId"), cells[0]);
            assertEquals(String.valueOf(rows.get(i).get("required")), cells[6]);
            assertEquals(String.join(";", stringList(rows.get(i).get("missing"))), cells[8]);
            assertEquals(rows.get(i).get("status"), cells[11]);
        }
    }

    @Test
    void theBenchmarksHandWrittenSqlIsTheSameReport() throws Exception {
        JsonPath report = fullReport();
        // The file computes "today"; here it computes the test's date.
        String sql = Files.readString(Path.of("bench/sql/compliance-report.sql"))
                .replaceAll("(?m)^set .*$", "")
                .replace("current_date", "date '" + AS_OF + "'");
        List<Map<String, Object>> rows = report.getList("units");
        int row = 0;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                Map<String, Object> expected = rows.get(row++);
                String hsaId = result.getString("hsa_id");
                assertEquals(expected.get("hsaId"), hsaId);
                assertEquals(expected.get("required"), result.getInt("required"), hsaId);
                assertEquals(expected.get("offered"), result.getInt("offered"), hsaId);
                assertEquals(String.join(";", stringList(expected.get("missing"))), result.getString("missing"), hsaId);
                assertEquals(
                        String.join(";", stringList(expected.get("exempted"))), result.getString("exempted"), hsaId);
                assertEquals(((Number) expected.get("score")).doubleValue(), result.getDouble("score"), 1e-4, hsaId);
                assertEquals(expected.get("status"), result.getString("status"), hsaId);
            }
        }
        assertEquals(rows.size(), row);
    }

    @Test
    void servicesAndGroupsAreWhatTheRawTablesSay() {
        RawTablesOracle oracle = oracle();
        Map<String, RawTablesOracle.Expected> expected = oracle.on(AS_OF, oracle.inForceOn(AS_OF));
        Map<String, int[]> byMunicipality = new TreeMap<>();
        Map<String, int[]> byService = new HashMap<>();
        for (RawTablesOracle.Expected unit : expected.values()) {
            int[] counts = byMunicipality.computeIfAbsent(String.valueOf(unit.municipality()), k -> new int[2]);
            counts[0]++;
            if ("COMPLIANT".equals(unit.status())) {
                counts[1]++;
            }
            for (String code : unit.required()) {
                byService.computeIfAbsent(code, c -> new int[3])[0]++;
            }
            for (String code : unit.offered()) {
                byService.computeIfAbsent(code, c -> new int[3])[1]++;
            }
            for (String code : unit.exempted()) {
                byService.computeIfAbsent(code, c -> new int[3])[2]++;
            }
        }
        JsonPath groups = json().queryParam("asOf", AS_OF.toString())
                .queryParam("by", "municipality")
                .get("/api/v1/compliance/groups")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = groups.getList("items");
        assertEquals(byMunicipality.size(), items.size());
        for (Map<String, Object> item : items) {
            int[] counts = byMunicipality.get(String.valueOf(item.get("key")));
            assertEquals(counts[0], item.get("units"), String.valueOf(item.get("key")));
            assertEquals(counts[1], item.get("compliant"), String.valueOf(item.get("key")));
        }

        JsonPath services = json().queryParam("asOf", AS_OF.toString())
                .get("/api/v1/compliance/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> coverage = services.getList("items");
        assertEquals(
                oracle.inForceOn(AS_OF).unitTypesByCode().keySet(),
                coverage.stream().map(item -> item.get("serviceCode")).collect(Collectors.toSet()));
        for (Map<String, Object> item : coverage) {
            int[] counts = byService.getOrDefault((String) item.get("serviceCode"), new int[3]);
            assertEquals(counts[0], item.get("applicableUnits"), (String) item.get("serviceCode"));
            assertEquals(counts[1], item.get("offeringUnits"), (String) item.get("serviceCode"));
            assertEquals(counts[2], item.get("exemptedUnits"), (String) item.get("serviceCode"));
        }
    }

    @Test
    void everyPointOfTheTrendIsWhatTheRawTablesSayOfItsDate() {
        RawTablesOracle oracle = oracle();
        LocalDate from = LocalDate.of(YEAR - 3, 7, 1);
        JsonPath trend = json().queryParam("from", from.toString())
                .queryParam("to", AS_OF.toString())
                .queryParam("interval", "month")
                .get("/api/v1/compliance/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> points = trend.getList("items");
        assertEquals(36, points.size());
        Set<Object> revisions = new HashSet<>();
        for (Map<String, Object> point : points) {
            LocalDate date = LocalDate.parse((String) point.get("date"));
            RawTablesOracle.Revision revision = oracle.inForceOn(date);
            if (revision == null) {
                assertNull(point.get("baseline"), date.toString());
                assertEquals((int) oracle.openOn(date), point.get("units"), date.toString());
                continue;
            }
            revisions.add(revision.id());
            assertEquals(revision.id(), ((Number) ((Map<?, ?>) point.get("baseline")).get("id")).longValue());
            assertSummary(oracle.on(date, revision), point, date);
        }
        assertTrue(revisions.size() >= 3, "the trend crosses the three yearly revisions");

        // "What would this draft do": a fixed revision on every point, the draft of the following year.
        long draft = draftId();
        JsonPath fixed = json().queryParam("from", LocalDate.of(YEAR, 1, 1).toString())
                .queryParam("to", AS_OF.toString())
                .queryParam("baseline", draft)
                .get("/api/v1/compliance/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> fixedPoints = fixed.getList("items");
        assertEquals(6, fixedPoints.size());
        for (Map<String, Object> point : fixedPoints) {
            LocalDate date = LocalDate.parse((String) point.get("date"));
            assertSummary(oracle.on(date, oracle.revision(draft)), point, date);
        }
    }

    private static void assertSummary(
            Map<String, RawTablesOracle.Expected> expected, Map<String, Object> point, LocalDate date) {
        assertEquals(expected.size(), point.get("units"), date.toString());
        assertEquals(
                (int) expected.values().stream()
                        .filter(unit -> unit.status().equals("COMPLIANT"))
                        .count(),
                point.get("compliant"),
                date.toString());
        assertEquals(
                expected.values().stream()
                        .mapToDouble(RawTablesOracle.Expected::score)
                        .average()
                        .orElseThrow(),
                ((Number) point.get("averageScore")).doubleValue(),
                1e-9,
                date.toString());
    }

    @Test
    void contactCardsAreWhatTheRawTablesSay() {
        FixedTimeSource.setToday(AS_OF);
        RawTablesOracle oracle = oracle();
        RawTablesOracle.Revision revision = oracle.inForceOn(AS_OF);
        Map<String, RawTablesOracle.Expected> expected = oracle.on(AS_OF, revision);
        Map<String, List<Map<String, Object>>> servicesOnCards = new HashMap<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = json().queryParam("size", 500);
            JsonPath page = (cursor == null ? request : request.queryParam("after", cursor))
                    .get("/api/v1/contact-cards")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (Map<String, Object> card : page.<Map<String, Object>>getList("items")) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> services = (List<Map<String, Object>>) card.get("eServices");
                servicesOnCards.put((String) card.get("hsaId"), services);
            }
            cursor = page.getString("cursor");
            more = page.getBoolean("hasMore");
        }
        assertEquals(expected.keySet(), servicesOnCards.keySet(), "a card for every unit open today, no other");
        String unitTypes = "select hsa_id, unit_type from care_unit";
        Map<String, String> typeOf = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(unitTypes)) {
            while (rows.next()) {
                typeOf.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        int checked = 0;
        for (RawTablesOracle.Expected unit : expected.values()) {
            Set<String> codesOnCard = new HashSet<>();
            Set<String> base = new HashSet<>();
            for (Map<String, Object> service : servicesOnCards.get(unit.hsaId())) {
                codesOnCard.add((String) service.get("code"));
                if (Boolean.TRUE.equals(service.get("base"))) {
                    base.add((String) service.get("code"));
                }
            }
            assertEquals(unit.offeredActive(), codesOnCard, unit.hsaId());
            // Base services on a card are the ones it offers that the revision requires of its type.
            Set<String> expectedBase = unit.offeredActive().stream()
                    .filter(code -> revision.unitTypesByCode().containsKey(code)
                            && revision.applies(code, typeOf.get(unit.hsaId())))
                    .collect(Collectors.toSet());
            assertEquals(expectedBase, base, unit.hsaId());
            checked++;
        }
        assertTrue(checked > 900, "cards checked: " + checked);
    }

    /** The full report on the dataset's date, as JSON. */
    private static JsonPath fullReport() {
        return json().queryParam("asOf", AS_OF.toString())
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private long draftId() {
        return Long.parseLong(single(
                "select id from baseline where status = 'DRAFT' and valid_from = date '" + (YEAR + 1) + "-01-01'"));
    }

    private String single(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), sql);
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> stringList(Object value) {
        List<String> list = new ArrayList<>();
        for (Object item : (List<?>) value) {
            list.add((String) item);
        }
        return list;
    }

    private static String script(long seed) throws IOException {
        StringWriter out = new StringWriter();
        new DatasetGenerator(seed, DatasetGenerator.Size.XS, YEAR).writeTo(DatasetGenerator.psqlScript(out));
        return out.toString();
    }

    /** Loads as psql would: the statements as they are, the COPY blocks through the COPY protocol. */
    private static DatasetGenerator.Sink jdbc(Connection connection) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        return new DatasetGenerator.Sink() {
            @Override
            public void statement(String sql) throws IOException {
                if (sql.equals("begin") || sql.equals("commit") || sql.startsWith("vacuum")) {
                    return; // the test's own transaction stands in for the script's; vacuum cannot run in one
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new IOException(e);
                }
            }

            @Override
            public void copy(String table, String columns, DatasetGenerator.CopyRows rows) throws IOException {
                StringBuilder data = new StringBuilder();
                rows.writeTo(data);
                try {
                    copy.copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(data.toString()));
                } catch (SQLException e) {
                    throw new UncheckedIOException(new IOException(e));
                }
            }
        };
    }
}
