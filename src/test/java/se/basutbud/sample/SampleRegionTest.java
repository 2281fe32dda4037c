package se.basutbud.sample;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.json;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The region dev mode shows: enough of everything to look at a real report. */
@QuarkusTest
@TestProfile(SampleRegionTest.WithSampleData.class)
class SampleRegionTest {

    public static class WithSampleData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("basutbud.sample-data.enabled", "true");
        }
    }

    @Test
    void theSampleRegionHasUnitsOfEveryKindAPublishedBasutbudAndOfferingsWithHistory() {
        JsonPath units = json().queryParam("careProvider", "SE2320000001")
                .queryParam("size", 500)
                .queryParam("includeClosed", true)
                .get("/api/v1/care-units")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = units.getList("items");
        Set<Object> types = new HashSet<>();
        Set<Object> administrations = new HashSet<>();
        Set<Object> municipalities = new HashSet<>();
        items.forEach(u -> {
            types.add(u.get("unitType"));
            administrations.add(u.get("administration"));
            municipalities.add(u.get("municipality"));
        });
        int privateUnits = json().queryParam("careProvider", "SE5565000001")
                .get("/api/v1/care-units")
                .then()
                .extract()
                .jsonPath()
                .getInt("total");
        assertTrue(items.size() + privateUnits >= 40, "at least 40 units");
        assertTrue(types.size() >= 8, "unit types " + types);
        assertTrue(administrations.size() >= 4, "administrations " + administrations);
        assertTrue(municipalities.size() >= 10, "municipalities " + municipalities);

        json().get("/api/v1/baselines/current")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"))
                .body("requirements.size()", greaterThanOrEqualTo(18));
        json().queryParam("careProvider", "SE2320000001")
                .get("/api/v1/compliance")
                .then()
                .statusCode(200)
                .body("summary.units", greaterThan(30));

        boolean withdrawn = false;
        for (Map<String, Object> unit : items) {
            List<Object> history = json().get("/api/v1/care-units/" + unit.get("hsaId") + "/offerings/fornya-recept")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("until");
            withdrawn |= history.stream().anyMatch(until -> until != null);
        }
        assertTrue(withdrawn, "some unit withdrew an e-service");
    }
}
