package se.basutbud.eservice;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newServiceCode;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EServiceResourceTest {

    @Test
    void theReferenceCatalogueIsThereFromTheStart() {
        json().get("/api/v1/e-services/fornya-recept")
                .then()
                .statusCode(200)
                .body("code", equalTo("fornya-recept"))
                .body("name", equalTo("Förnya recept"))
                .body("status", equalTo("ACTIVE"));
        json().get("/api/v1/e-services/fragor-om-undersokningar")
                .then()
                .statusCode(200)
                .body("name", equalTo("Frågor om undersökningar"));
        json().queryParam("size", 500)
                .get("/api/v1/e-services")
                .then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(22))
                .body("items.code", hasItem("levnadsvanor"));
    }

    @Test
    void theWholeReferenceCatalogueIsThereWithItsSwedishNames() {
        Map<String, String> reference = Map.ofEntries(
                Map.entry("av-omboka-tid", "Av/omboka tid"),
                Map.entry("begar-intyg", "Begär intyg"),
                Map.entry("bestall-journalkopia", "Beställ journalkopia"),
                Map.entry("bestall-provremiss", "Beställ provremiss"),
                Map.entry("bestall-tid", "Beställ tid/telefontid"),
                Map.entry("fraga-sjukskoterskan", "Fråga sjuksköterskan"),
                Map.entry("forlang-sjukskrivning", "Förläng sjukskrivning"),
                Map.entry("fornya-hjalpmedel", "Förnya hjälpmedel"),
                Map.entry("fornya-recept", "Förnya recept"),
                Map.entry("kontakta-mig", "Kontakta mig"),
                Map.entry("radgivning", "Rådgivning"),
                Map.entry("provsvar", "Svar på provtagning/röntgen"),
                Map.entry("hjalp-oss-bli-battre", "Hjälp oss bli bättre"),
                Map.entry("egen-vardbegaran", "Egen vårdbegäran/egenremiss"),
                Map.entry("remissforfragan", "Remissförfrågan/har min remiss kommit fram"),
                Map.entry("resevaccination", "Beställ tid för resevaccination"),
                Map.entry(
                        "levnadsvanor",
                        "Rådgivning och stöd för att ändra levnadsvanor (mat, tobak, motion och alkohol)"),
                Map.entry(
                        "bestall-nutritionsprodukter",
                        "Beställning av glutenfria produkter, sondnäring/näringsdryck etc."),
                Map.entry("kontaktformular-specialist", "Kontaktformulär med specialistfunktioner"),
                Map.entry("fragor-infor-operation", "Frågor inför operation"),
                Map.entry("fragor-om-operationstid", "Frågor om tid för operation"),
                Map.entry("fragor-om-undersokningar", "Frågor om undersökningar"));
        org.junit.jupiter.api.Assertions.assertEquals(22, reference.size());
        reference.forEach((code, name) -> json().get("/api/v1/e-services/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("status", equalTo("ACTIVE")));
    }

    @Test
    void createdServicesAreListedByCodeAndFoundByText() {
        String code = newServiceCode();
        json().body(Map.of("code", code, "name", "Videobesök", "nameEn", "Video consultation"))
                .post("/api/v1/e-services")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/e-services/" + code))
                .body("code", equalTo(code))
                .body("status", equalTo("ACTIVE"))
                .body("description", nullValue());
        json().queryParam("q", code)
                .get("/api/v1/e-services")
                .then()
                .statusCode(200)
                .body("items.code", contains(code))
                .body("total", equalTo(1))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
    }

    @Test
    void anExistingCodeIsAConflictAndChangesNothing() {
        String code = newServiceCode();
        json().body(Map.of("code", code, "name", "Första"))
                .post("/api/v1/e-services")
                .then()
                .statusCode(201);
        assertProblem(
                json().body(Map.of("code", code, "name", "Andra"))
                        .post("/api/v1/e-services")
                        .then(),
                409);
        json().get("/api/v1/e-services/" + code).then().body("name", equalTo("Första"));
    }

    @Test
    void putReplacesNamesDescriptionAndStatusButNotTheCode() {
        String code = newServiceCode();
        json().body(Map.of("code", code, "name", "Gammalt namn"))
                .post("/api/v1/e-services")
                .then()
                .statusCode(201);
        json().body(Map.of("name", "Nytt namn", "description", "Beskrivning", "status", "RETIRED"))
                .put("/api/v1/e-services/" + code)
                .then()
                .statusCode(200)
                .body("code", equalTo(code))
                .body("name", equalTo("Nytt namn"))
                .body("description", equalTo("Beskrivning"))
                .body("status", equalTo("RETIRED"));
        json().queryParam("status", "RETIRED")
                .queryParam("q", code)
                .get("/api/v1/e-services")
                .then()
                .body("items.status", everyItem(equalTo("RETIRED")))
                .body("items", hasSize(1));
    }

    @Test
    void unknownCodesAreNotFound() {
        assertProblem(json().get("/api/v1/e-services/finns-inte").then(), 404);
        assertProblem(
                json().body(Map.of("name", "X", "status", "ACTIVE"))
                        .put("/api/v1/e-services/finns-inte")
                        .then(),
                404);
    }

    @Test
    void invalidBodiesAreBadRequestsNamingTheField() {
        assertProblem(
                        json().body(Map.of("code", "Inte-Giltig", "name", "X"))
                                .post("/api/v1/e-services")
                                .then(),
                        400)
                .body("errors.field", contains("code"));
        assertProblem(
                        json().body(Map.of("code", "a".repeat(65), "name", "X"))
                                .post("/api/v1/e-services")
                                .then(),
                        400)
                .body("errors.field", hasItem("code"));
        assertProblem(
                        json().body(Map.of("code", newServiceCode(), "name", " "))
                                .post("/api/v1/e-services")
                                .then(),
                        400)
                .body("errors.field", contains("name"));
        assertProblem(
                        json().body(Map.of("code", newServiceCode(), "name", "Rad\u0007ett"))
                                .post("/api/v1/e-services")
                                .then(),
                        400)
                .body("errors.field", contains("name"));
        assertProblem(
                        json().body(Map.of("code", newServiceCode(), "name", "X", "status", "GONE"))
                                .post("/api/v1/e-services")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("status"));
        assertProblem(
                        json().body(Map.of("code", newServiceCode(), "name", "X", "colour", "red"))
                                .post("/api/v1/e-services")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("colour"));
        assertProblem(json().body("{\"code\": ").post("/api/v1/e-services").then(), 400);
        assertProblem(json().post("/api/v1/e-services").then(), 400);
        assertProblem(json().body("[1,2]").post("/api/v1/e-services").then(), 400);
    }

    @Test
    void listParametersOutsideTheirRangeAreBadRequests() {
        assertProblem(json().queryParam("size", 501).get("/api/v1/e-services").then(), 400)
                .body("errors[0].field", equalTo("size"));
        assertProblem(json().queryParam("size", 0).get("/api/v1/e-services").then(), 400);
        assertProblem(json().queryParam("page", -1).get("/api/v1/e-services").then(), 400)
                .body("errors[0].field", equalTo("page"));
        assertProblem(json().queryParam("page", "x").get("/api/v1/e-services").then(), 400);
        assertProblem(
                        json().queryParam("status", "SOON")
                                .get("/api/v1/e-services")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("status"));
    }
}
