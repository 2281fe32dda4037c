package se.basutbud.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Builds test data through the API, each test its own: random organisation numbers and codes keep tests
 * apart, so they pass in any order and on a database that earlier runs left data in.
 */
public final class Api {

    /** Scores and averages are doubles; REST Assured would read them as floats. */
    private static final io.restassured.config.RestAssuredConfig DOUBLES = io.restassured.RestAssured.config()
            .jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
                    .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));

    private Api() {}

    /** A JSON request as an administrator, who may do everything. */
    public static RequestSpecification json() {
        return asAdmin().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return withToken(Tokens.admin());
    }

    /** A JSON request with this bearer token. */
    public static RequestSpecification jsonAs(String token) {
        return withToken(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /**
     * A request with this bearer token, as a plain header: REST Assured's oauth2() adds it after the filters,
     * where {@link ContractValidation} would not see it.
     */
    public static RequestSpecification withToken(String token) {
        return request().header("Authorization", "Bearer " + token);
    }

    /** A request without a token, content type or accept header; its exchange is checked against the contract. */
    public static RequestSpecification request() {
        return given().config(DOUBLES).filter(ContractValidation.FILTER);
    }

    /** A fresh organisation (care provider) number: SE and 10 digits. */
    public static String newCareProvider() {
        return "SE" + (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999L));
    }

    public static String newServiceCode() {
        return "test-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    /** A date far from today and from other tests' dates, for revisions that must be the one in force. */
    public static LocalDate farDate() {
        return LocalDate.of(3000, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(2_000_000));
    }

    public static String createService(String name) {
        String code = newServiceCode();
        json().body(Map.of("code", code, "name", name))
                .post("/api/v1/e-services")
                .then()
                .statusCode(201);
        return code;
    }

    public static void putUnit(String hsaId, String unitType, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("name", body.getOrDefault("name", "Enhet " + hsaId));
        body.put("unitType", unitType);
        // Creates or replaces, as the tests need; either way the unit answered is the one sent.
        json().body(body)
                .put("/api/v1/care-units/" + hsaId)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)))
                .body("hsaId", equalTo(hsaId.toUpperCase(java.util.Locale.ROOT)))
                .body("name", equalTo(body.get("name")))
                .body("unitType", equalTo(unitType));
    }

    public static void offer(String hsaId, String code, LocalDate since) {
        json().body(since == null ? Map.of() : Map.of("since", since.toString()))
                .put("/api/v1/care-units/" + hsaId + "/offerings/" + code)
                .then()
                .statusCode(201);
    }

    /** A published revision valid from the date, requiring the services (value: unit types, empty for all). */
    public static long publishBaseline(LocalDate validFrom, Map<String, List<String>> requirements) {
        long id = draftBaseline(validFrom, requirements);
        json().post("/api/v1/baselines/" + id + "/publish").then().statusCode(200);
        return id;
    }

    public static long draftBaseline(LocalDate validFrom, Map<String, List<String>> requirements) {
        long id = json().body(Map.of("name", "Test " + validFrom, "validFrom", validFrom.toString()))
                .post("/api/v1/baselines")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        requirements.forEach((code, types) -> json().body(Map.of("unitTypes", types))
                .put("/api/v1/baselines/" + id + "/requirements/" + code)
                .then()
                .statusCode(200));
        return id;
    }

    /** Asserts an RFC 9457 problem body with this status, and no internals in it. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", org.hamcrest.Matchers.startsWith("/problems/"))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("se.basutbud")))
                .body(not(containsString("\tat ")));
    }
}
