package se.basutbud.careunit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CareUnitResourceTest {

    @Test
    void putCreatesThenReplacesAndTheHsaIdIsStoredUpperCase() {
        String provider = newCareProvider();
        String hsaId = provider + "-abc1";
        json().body(Map.of("name", "Hälsocentralen Norr", "unitType", "PRIMARY_CARE", "municipality", "Kalmar"))
                .put("/api/v1/care-units/" + hsaId.toLowerCase())
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/care-units/" + provider + "-ABC1"))
                .body("hsaId", equalTo(provider + "-ABC1"))
                .body("careProvider", equalTo(provider))
                .body("municipality", equalTo("Kalmar"))
                .body("closedOn", nullValue());
        json().body(Map.of(
                        "name",
                        "Hälsocentralen Nord",
                        "unitType",
                        "PRIMARY_CARE",
                        "careProvider",
                        "SE5560000001",
                        "phone",
                        "0480-123 45",
                        "website",
                        "https://example.se/norr",
                        "openedOn",
                        "2020-01-01"))
                .put("/api/v1/care-units/" + hsaId)
                .then()
                .statusCode(200)
                .body("name", equalTo("Hälsocentralen Nord"))
                .body("careProvider", equalTo("SE5560000001"))
                .body("municipality", nullValue())
                .body("openedOn", equalTo("2020-01-01"));
        json().get("/api/v1/care-units/" + hsaId.toLowerCase())
                .then()
                .statusCode(200)
                .body("hsaId", equalTo(provider + "-ABC1"))
                .body("website", equalTo("https://example.se/norr"));
    }

    @Test
    void anythingButAnHsaIdIsABadRequest() {
        for (String bad : new String[] {
            "SE232100007-1",
            "XX2321000073-1",
            "SE2321000073",
            "SE2321000073-",
            "SE2321000073-ÅÄÖ",
            "SE2321000073-" + "A".repeat(19),
            "SE2321000073-1 2"
        }) {
            assertProblem(
                            json().body(Map.of("name", "X", "unitType", "OTHER"))
                                    .put("/api/v1/care-units/" + bad)
                                    .then(),
                            400)
                    .body("errors[0].field", equalTo("hsaId"));
            assertProblem(json().get("/api/v1/care-units/" + bad).then(), 400);
        }
        // 31 characters in all is the most an HSA-id may have.
        json().body(Map.of("name", "Lång", "unitType", "OTHER"))
                .put("/api/v1/care-units/" + newCareProvider() + "-" + "A".repeat(18))
                .then()
                .statusCode(201);
    }

    @Test
    void invalidBodiesAreBadRequestsAndChangeNothing() {
        String hsaId = newCareProvider() + "-1";
        assertProblem(
                        json().body(Map.of("unitType", "PRIMARY_CARE"))
                                .put("/api/v1/care-units/" + hsaId)
                                .then(),
                        400)
                .body("errors.field", contains("name"));
        assertProblem(
                        json().body(Map.of("name", "X", "unitType", "HOSPITAL"))
                                .put("/api/v1/care-units/" + hsaId)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("unitType"));
        assertProblem(
                        json().body(Map.of("name", "X", "unitType", "OTHER", "openedOn", "2024-13-01"))
                                .put("/api/v1/care-units/" + hsaId)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("openedOn"));
        assertProblem(
                        json().body(Map.of("name", "X", "unitType", "OTHER", "website", "javascript:alert(1)"))
                                .put("/api/v1/care-units/" + hsaId)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("website"));
        assertProblem(
                        json().body(Map.of(
                                        "name",
                                        "X",
                                        "unitType",
                                        "OTHER",
                                        "openedOn",
                                        "2024-01-01",
                                        "closedOn",
                                        "2024-01-01"))
                                .put("/api/v1/care-units/" + hsaId)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("closedOn"));
        assertProblem(
                        json().body(Map.of("name", "X", "unitType", "OTHER", "hsaId", hsaId))
                                .put("/api/v1/care-units/" + hsaId)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("hsaId"));
        assertProblem(json().get("/api/v1/care-units/" + hsaId).then(), 404);
    }

    @Test
    void theListFiltersSortsByHsaIdAndLeavesClosedUnitsOut() {
        String provider = newCareProvider();
        json().body(Map.of("name", "B-enheten", "unitType", "PSYCHIATRY", "administration", "Psykiatrin"))
                .put("/api/v1/care-units/" + provider + "-B")
                .then()
                .statusCode(201);
        json().body(Map.of("name", "A-enheten", "unitType", "PRIMARY_CARE", "administration", "Primärvården"))
                .put("/api/v1/care-units/" + provider + "-A")
                .then()
                .statusCode(201);
        json().body(Map.of("name", "C-enheten", "unitType", "PRIMARY_CARE", "closedOn", "2001-01-01"))
                .put("/api/v1/care-units/" + provider + "-C")
                .then()
                .statusCode(201);

        json().queryParam("careProvider", provider)
                .get("/api/v1/care-units")
                .then()
                .statusCode(200)
                .body("items.hsaId", contains(provider + "-A", provider + "-B"))
                .body("total", equalTo(2));
        json().queryParam("careProvider", provider)
                .queryParam("includeClosed", true)
                .get("/api/v1/care-units")
                .then()
                .body("items.hsaId", contains(provider + "-A", provider + "-B", provider + "-C"));
        json().queryParam("careProvider", provider)
                .queryParam("unitType", "PRIMARY_CARE")
                .get("/api/v1/care-units")
                .then()
                .body("items.hsaId", contains(provider + "-A"));
        json().queryParam("careProvider", provider)
                .queryParam("administration", "Psykiatrin")
                .get("/api/v1/care-units")
                .then()
                .body("items.hsaId", contains(provider + "-B"));
        json().queryParam("careProvider", provider)
                .queryParam("q", "b-enh")
                .get("/api/v1/care-units")
                .then()
                .body("items.hsaId", contains(provider + "-B"));
        json().queryParam("careProvider", provider)
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/v1/care-units")
                .then()
                .body("items.hsaId", contains(provider + "-B"))
                .body("total", equalTo(2))
                .body("page", equalTo(1));
        assertProblem(
                json().queryParam("unitType", "HOSPITAL")
                        .get("/api/v1/care-units")
                        .then(),
                400);
        assertProblem(
                json().queryParam("includeClosed", "maybe")
                        .get("/api/v1/care-units")
                        .then(),
                400);
        json().queryParam("includeClosed", true)
                .queryParam("size", 500)
                .queryParam("careProvider", provider)
                .get("/api/v1/care-units")
                .then()
                .body("items.closedOn", hasItem("2001-01-01"));
    }

    @Test
    void textIsStoredInNfcAndInvisibleOrBidiCharactersAreRefused() {
        String provider = newCareProvider();
        String unit = provider + "-1";
        String decomposed = "Va\u0308xjo\u0308";
        json().body(Map.of("name", "Vårdcentral " + decomposed, "unitType", "PRIMARY_CARE", "municipality", decomposed))
                .put("/api/v1/care-units/" + unit)
                .then()
                .statusCode(201)
                .body("name", equalTo("Vårdcentral Växjö"))
                .body("municipality", equalTo("Växjö"));
        for (String municipality : List.of("Växjö", decomposed)) {
            json().queryParam("careProvider", provider)
                    .queryParam("municipality", municipality)
                    .get("/api/v1/care-units")
                    .then()
                    .statusCode(200)
                    .body("items.hsaId", contains(unit));
        }
        for (String lookalike : List.of(
                "Vårdcentral\u202EnroN", // right-to-left override
                "Vård\u200Bcentral", // zero-width space
                "Vård\u00ADcentral", // soft hyphen
                "\uFEFFVårdcentral", // byte order mark
                "Rad ett\u2028rad två", // line separator
                "Vårdcentral\u0085Norr", // next line (C1)
                "Vårdcentral\u0090")) {
            assertProblem(
                            json().body(Map.of("name", lookalike, "unitType", "PRIMARY_CARE"))
                                    .put("/api/v1/care-units/" + provider + "-2")
                                    .then(),
                            400)
                    .body("errors[0].field", equalTo("name"));
        }
        assertProblem(json().get("/api/v1/care-units/" + provider + "-2").then(), 404);
    }

    @Test
    void queryTextIsDataNeverSql() {
        String provider = newCareProvider();
        json().body(Map.of("name", "Enhet 100% _säker_", "unitType", "OTHER"))
                .put("/api/v1/care-units/" + provider + "-1")
                .then()
                .statusCode(201);
        json().queryParam("careProvider", provider)
                .queryParam("q", "' or 1=1 --")
                .get("/api/v1/care-units")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        json().queryParam("careProvider", provider)
                .queryParam("q", "100%")
                .get("/api/v1/care-units")
                .then()
                .body("total", equalTo(1));
        json().queryParam("careProvider", provider)
                .queryParam("q", "0%_")
                .get("/api/v1/care-units")
                .then()
                .body("total", equalTo(0));
    }
}
