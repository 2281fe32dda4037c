package se.basutbud.coverage;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.asAdmin;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.jsonAs;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.offer;
import static se.basutbud.support.Api.putUnit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import se.basutbud.support.Tokens;

/**
 * A small region of its own: in Norrby, A offers the service (10,000 residents), B does not (2,000), C is
 * exempted (5,000, left out), D offers it with no figure (unknown); in Söderby, E offers it (3,000) and F does
 * not (1,000 until 2024, 9,000 from then).
 */
@QuarkusTest
class CoverageResourceTest {

    private static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

    private String provider;
    private String service;

    private String unit(String suffix, String municipality) {
        String hsaId = provider + "-" + suffix;
        putUnit(hsaId, "PRIMARY_CARE", Map.of("municipality", municipality));
        return hsaId;
    }

    private static void residents(String hsaId, int count, String from) {
        json().body(Map.of("count", count, "from", from))
                .put("/api/v1/care-units/" + hsaId + "/listed-residents")
                .then()
                .statusCode(201)
                .body("count", equalTo(count))
                .body("from", equalTo(from));
    }

    @BeforeEach
    void region() {
        provider = newCareProvider();
        service = createService("Stöd och behandling");
        String a = unit("A", "Norrby");
        String b = unit("B", "Norrby");
        String c = unit("C", "Norrby");
        String d = unit("D", "Norrby");
        String e = unit("E", "Söderby");
        String f = unit("F", "Söderby");
        offer(a, service, SINCE);
        offer(d, service, SINCE);
        offer(e, service, SINCE);
        json().body(Map.of("reason", "Ingen sådan verksamhet", "since", SINCE.toString()))
                .put("/api/v1/care-units/" + c + "/exemptions/" + service)
                .then()
                .statusCode(201);
        residents(a, 10_000, "2020-01-01");
        residents(b, 2_000, "2020-01-01");
        residents(c, 5_000, "2020-01-01");
        residents(e, 3_000, "2020-01-01");
        residents(f, 1_000, "2020-01-01");
        residents(f, 9_000, "2024-01-01");
    }

    @Test
    void coverageIsWeighedByListedResidentsAndUnknownFiguresAreCountedApart() {
        json().queryParam("serviceCode", service)
                .queryParam("by", "municipality")
                .queryParam("careProvider", provider)
                .queryParam("asOf", "2023-06-01")
                .get("/api/v1/coverage")
                .then()
                .statusCode(200)
                .body("serviceCode", equalTo(service))
                .body("asOf", equalTo("2023-06-01"))
                .body("by", equalTo("municipality"))
                .body("items.key", contains("Norrby", "Söderby"))
                .body("items[0].units", equalTo(4))
                .body("items[0].exemptedUnits", equalTo(1))
                .body("items[0].offeringUnits", equalTo(2))
                .body("items[0].unitCoverage", closeTo(2.0 / 3, 1e-9))
                .body("items[0].residents", equalTo(12_000))
                .body("items[0].residentsCovered", equalTo(10_000))
                .body("items[0].residentCoverage", closeTo(10_000.0 / 12_000, 1e-9))
                .body("items[0].unknownResidentUnits", equalTo(1))
                .body("items[1].residents", equalTo(4_000))
                .body("items[1].residentsCovered", equalTo(3_000))
                .body("items[1].residentCoverage", closeTo(0.75, 1e-9))
                .body("summary.units", equalTo(6))
                .body("summary.offeringUnits", equalTo(3))
                .body("summary.exemptedUnits", equalTo(1))
                .body("summary.unitCoverage", closeTo(3.0 / 5, 1e-9))
                .body("summary.residents", equalTo(16_000))
                .body("summary.residentsCovered", equalTo(13_000))
                .body("summary.unknownResidentUnits", equalTo(1))
                .body("summary.lowest.key", equalTo("Söderby"))
                .body("summary.highest.key", equalTo("Norrby"))
                .body("summary.gap", closeTo(10_000.0 / 12_000 - 0.75, 1e-9));
    }

    @Test
    void aDatesFigureIsTheLatestOneOnOrBeforeIt() {
        json().queryParam("serviceCode", service)
                .queryParam("by", "municipality")
                .queryParam("municipality", "Söderby")
                .queryParam("careProvider", provider)
                .queryParam("asOf", "2024-06-01")
                .get("/api/v1/coverage")
                .then()
                .body("items[0].residents", equalTo(12_000))
                .body("items[0].residentCoverage", closeTo(0.25, 1e-9));
        json().get("/api/v1/care-units/" + provider + "-F/listed-residents")
                .then()
                .statusCode(200)
                .body("from", contains("2020-01-01", "2024-01-01"))
                .body("count", contains(1_000, 9_000));
        // The same date again replaces its figure; the history keeps the others.
        json().body(Map.of("count", 8_500, "from", "2024-01-01"))
                .put("/api/v1/care-units/" + provider + "-F/listed-residents")
                .then()
                .statusCode(200)
                .body("count", equalTo(8_500));
        json().get("/api/v1/care-units/" + provider + "-F/listed-residents")
                .then()
                .body("count", contains(1_000, 8_500));
    }

    @Test
    void aServiceNoUnitOffersHasZeroCoverageAndAnEmptySelectionNone() {
        String other = createService("Annan tjänst");
        json().queryParam("serviceCode", other)
                .queryParam("by", "unitType")
                .queryParam("careProvider", provider)
                .queryParam("municipality", "Norrby")
                .queryParam("asOf", "2023-06-01")
                .get("/api/v1/coverage")
                .then()
                .statusCode(200)
                .body("items[0].key", equalTo("PRIMARY_CARE"))
                .body("items[0].offeringUnits", equalTo(0))
                .body("items[0].exemptedUnits", equalTo(0))
                .body("items[0].unitCoverage", closeTo(0.0, 1e-9))
                .body("items[0].residentCoverage", closeTo(0.0, 1e-9));
        json().queryParam("serviceCode", service)
                .queryParam("by", "municipality")
                .queryParam("careProvider", newCareProvider())
                .get("/api/v1/coverage")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("summary.units", equalTo(0))
                .body("summary.unitCoverage", nullValue())
                .body("summary.residentCoverage", nullValue())
                .body("summary.gap", nullValue());
    }

    @Test
    void coverageComesAsASpreadsheetToo() {
        String csv = asAdmin()
                .accept("text/csv")
                .queryParam("serviceCode", service)
                .queryParam("by", "municipality")
                .queryParam("careProvider", provider)
                .queryParam("asOf", "2023-06-01")
                .get("/api/v1/coverage")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertEquals(
                "\"key\",\"units\",\"offeringUnits\",\"exemptedUnits\",\"unitCoverage\",\"residents\","
                        + "\"residentsCovered\",\"residentCoverage\",\"unknownResidentUnits\"",
                lines.get(0));
        assertTrue(lines.get(2).startsWith("\"Söderby\",2,1,0,0.5000,4000,3000,0.7500,0"), lines.get(2));
    }

    @Test
    void theRulesOfTheQueryAndOfWritingFiguresHold() {
        assertProblem(
                        json().queryParam("by", "municipality")
                                .get("/api/v1/coverage")
                                .then(),
                        400)
                .body("errors.field", contains("serviceCode"));
        assertProblem(
                        json().queryParam("serviceCode", service)
                                .get("/api/v1/coverage")
                                .then(),
                        400)
                .body("errors.field", contains("by"));
        assertProblem(
                json().queryParam("serviceCode", "finns-inte")
                        .queryParam("by", "municipality")
                        .get("/api/v1/coverage")
                        .then(),
                404);
        String unit = provider + "-A";
        assertProblem(
                json().body(Map.of("count", -1))
                        .put("/api/v1/care-units/" + unit + "/listed-residents")
                        .then(),
                400);
        assertProblem(
                json().body(Map.of())
                        .put("/api/v1/care-units/" + unit + "/listed-residents")
                        .then(),
                400);
        assertProblem(
                jsonAs(Tokens.editor(newCareProvider()))
                        .body(Map.of("count", 10))
                        .put("/api/v1/care-units/" + unit + "/listed-residents")
                        .then(),
                403);
        assertProblem(
                jsonAs(Tokens.editor(provider))
                        .body(Map.of("count", 10, "from", "2001-01-01"))
                        .put("/api/v1/care-units/" + unit + "/listed-residents")
                        .then(),
                403);
        jsonAs(Tokens.editor(provider))
                .body(Map.of("count", 10))
                .put("/api/v1/care-units/" + unit + "/listed-residents")
                .then()
                .statusCode(201);
        json().queryParam("entityType", "LISTED_RESIDENTS")
                .queryParam("key", unit + "/2020-01-01")
                .get("/api/v1/audit")
                .then()
                .body("total", equalTo(1));
    }
}
