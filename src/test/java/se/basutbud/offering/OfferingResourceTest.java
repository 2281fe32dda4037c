package se.basutbud.offering;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.createService;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.offer;
import static se.basutbud.support.Api.putUnit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OfferingResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    private static String newUnit() {
        String hsaId = newCareProvider() + "-1";
        putUnit(hsaId, "PRIMARY_CARE", Map.of());
        return hsaId;
    }

    private static String offerings(String hsaId) {
        return "/api/v1/care-units/" + hsaId + "/offerings";
    }

    @Test
    void offeringStartsAPeriodTodayAndOfferingAgainUpdatesTheLink() {
        String unit = newUnit();
        String code = createService("Förnya recept test");
        json().body(Map.of("url", "https://e-tjanster.1177.se/a"))
                .put(offerings(unit) + "/" + code)
                .then()
                .statusCode(201)
                .body("serviceCode", equalTo(code))
                .body("name", equalTo("Förnya recept test"))
                .body("since", equalTo(TODAY.toString()))
                .body("until", nullValue());
        json().body(Map.of("url", "https://e-tjanster.1177.se/b"))
                .put(offerings(unit) + "/" + code)
                .then()
                .statusCode(200)
                .body("url", equalTo("https://e-tjanster.1177.se/b"))
                .body("since", equalTo(TODAY.toString()));
        json().body(Map.of("url", "https://e-tjanster.1177.se/b"))
                .put(offerings(unit) + "/" + code)
                .then()
                .statusCode(200);
        json().get(offerings(unit))
                .then()
                .statusCode(200)
                .body("serviceCode", contains(code))
                .body("[0].url", equalTo("https://e-tjanster.1177.se/b"));
        json().get(offerings(unit) + "/" + code).then().statusCode(200).body("since", contains(TODAY.toString()));
    }

    @Test
    void withdrawingKeepsHistoryAnsweringAsOfPastDates() {
        String unit = newUnit();
        String code = createService("Tjänst");
        offer(unit, code, LocalDate.of(2020, 1, 1));
        json().queryParam("on", "2021-01-01")
                .delete(offerings(unit) + "/" + code)
                .then()
                .statusCode(204);
        offer(unit, code, LocalDate.of(2022, 1, 1));

        json().queryParam("asOf", "2020-06-01")
                .get(offerings(unit))
                .then()
                .body("serviceCode", contains(code))
                .body("[0].until", equalTo("2021-01-01"));
        json().queryParam("asOf", "2021-01-01").get(offerings(unit)).then().body("$", empty());
        json().queryParam("asOf", "2019-12-31").get(offerings(unit)).then().body("$", empty());
        json().get(offerings(unit)).then().body("serviceCode", contains(code)).body("[0].since", equalTo("2022-01-01"));
        json().get(offerings(unit) + "/" + code)
                .then()
                .body("since", contains("2020-01-01", "2022-01-01"))
                .body("until", contains("2021-01-01", null));
    }

    @Test
    void historyListsEveryPeriodOfTheUnitEndedAndFutureOnesToo() {
        String unit = newUnit();
        String first = createService("Tjänst ett");
        String second = createService("Tjänst två");
        offer(unit, first, LocalDate.of(2020, 1, 1));
        json().queryParam("on", "2021-01-01")
                .delete(offerings(unit) + "/" + first)
                .then()
                .statusCode(204);
        offer(unit, first, LocalDate.of(2022, 1, 1));
        offer(unit, second, TODAY.plusDays(10));

        List<String> codes = List.of(first, second).stream().sorted().toList();
        List<String> expectedCodes =
                codes.get(0).equals(first) ? List.of(first, first, second) : List.of(second, first, first);
        json().queryParam("history", true)
                .get(offerings(unit))
                .then()
                .statusCode(200)
                .body("serviceCode", equalTo(expectedCodes))
                .body("findAll { it.serviceCode == '" + first + "' }.since", contains("2020-01-01", "2022-01-01"))
                .body("findAll { it.serviceCode == '" + first + "' }.until", contains("2021-01-01", null))
                .body(
                        "find { it.serviceCode == '" + second + "' }.since",
                        equalTo(TODAY.plusDays(10).toString()));
        // Without history: only what is in force today; the future period is not.
        json().get(offerings(unit)).then().body("serviceCode", contains(first));
        assertProblem(
                        json().queryParam("history", "sometimes")
                                .get(offerings(unit))
                                .then(),
                        400)
                .body("errors[0].field", equalTo("history"));
        assertProblem(
                json().queryParam("history", true)
                        .get(offerings(newCareProvider() + "-9"))
                        .then(),
                404);
    }

    @Test
    void periodsNeverOverlap() {
        String unit = newUnit();
        String code = createService("Tjänst");
        offer(unit, code, LocalDate.of(2020, 1, 1));
        json().queryParam("on", "2021-01-01")
                .delete(offerings(unit) + "/" + code)
                .then()
                .statusCode(204);
        assertProblem(
                json().body(Map.of("since", "2020-06-01"))
                        .put(offerings(unit) + "/" + code)
                        .then(),
                409);
        assertProblem(
                json().body(Map.of("since", "2019-01-01"))
                        .put(offerings(unit) + "/" + code)
                        .then(),
                409);
        // A period may start the day the previous one ended.
        json().body(Map.of("since", "2021-01-01"))
                .put(offerings(unit) + "/" + code)
                .then()
                .statusCode(201);
        assertProblem(
                json().body(Map.of("since", "2020-12-01"))
                        .put(offerings(unit) + "/" + code)
                        .then(),
                409);
        json().get(offerings(unit) + "/" + code).then().body("since", contains("2020-01-01", "2021-01-01"));
    }

    @Test
    void offeringAgainCancelsAWithdrawalStillAhead() {
        String unit = newUnit();
        String code = createService("Tjänst");
        offer(unit, code, LocalDate.of(2020, 1, 1));
        json().queryParam("on", TODAY.plusDays(30).toString())
                .delete(offerings(unit) + "/" + code)
                .then()
                .statusCode(204);
        json().get(offerings(unit))
                .then()
                .body("[0].until", equalTo(TODAY.plusDays(30).toString()));
        json().body(Map.of())
                .put(offerings(unit) + "/" + code)
                .then()
                .statusCode(200)
                .body("until", nullValue())
                .body("since", equalTo("2020-01-01"));
    }

    @Test
    void withdrawalNeedsSomethingOngoingAndADateAfterItsStart() {
        String unit = newUnit();
        String code = createService("Tjänst");
        assertProblem(json().delete(offerings(unit) + "/" + code).then(), 404);
        offer(unit, code, LocalDate.of(2020, 1, 1));
        assertProblem(
                json().queryParam("on", "2019-01-01")
                        .delete(offerings(unit) + "/" + code)
                        .then(),
                422);
        assertProblem(
                        json().queryParam("on", "snart")
                                .delete(offerings(unit) + "/" + code)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("on"));
        json().delete(offerings(unit) + "/" + code).then().statusCode(204);
        json().get(offerings(unit)).then().body("$", empty());
        assertProblem(json().delete(offerings(unit) + "/" + code).then(), 404);
    }

    @Test
    void unknownRetiredAndClosedAreRefused() {
        String unit = newUnit();
        assertProblem(json().body(Map.of()).put(offerings(unit) + "/finns-inte").then(), 404);
        assertProblem(
                json().body(Map.of())
                        .put(offerings(newCareProvider() + "-9") + "/fornya-recept")
                        .then(),
                404);
        assertProblem(
                json().body(Map.of())
                        .put(offerings("SE123-9") + "/fornya-recept")
                        .then(),
                400);
        assertProblem(json().get(offerings(newCareProvider() + "-9")).then(), 404);

        String retired = createService("Gammal");
        json().body(Map.of("name", "Gammal", "status", "RETIRED"))
                .put("/api/v1/e-services/" + retired)
                .then()
                .statusCode(200);
        assertProblem(json().body(Map.of()).put(offerings(unit) + "/" + retired).then(), 422);

        String closed = newCareProvider() + "-2";
        putUnit(closed, "PRIMARY_CARE", Map.of("closedOn", "2020-01-01"));
        assertProblem(
                json().body(Map.of()).put(offerings(closed) + "/fornya-recept").then(), 409);
        json().get(offerings(closed)).then().statusCode(200).body("$", empty());
    }

    @Test
    void invalidBodiesAreBadRequests() {
        String unit = newUnit();
        assertProblem(
                        json().body(Map.of("url", "ftp://x"))
                                .put(offerings(unit) + "/fornya-recept")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("url"));
        assertProblem(
                        json().body(Map.of("since", "2020-02-30"))
                                .put(offerings(unit) + "/fornya-recept")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("since"));
        assertProblem(
                json().body(Map.of("url", "https://x/" + "a".repeat(500)))
                        .put(offerings(unit) + "/fornya-recept")
                        .then(),
                400);
        json().get(offerings(unit)).then().body("$", empty());
    }

    @Test
    void aLinkPublishedOn1177IsAPlainAsciiUrlThatCannotBreakOutOfItsAttribute() {
        String unit = newUnit();
        for (String link : List.of(
                "https://e-tjanster.1177.se/x\"><script>alert(1)</script>",
                "https://e-tjanster.1177.se/x'onmouseover='alert(1)",
                "https://\u0430pple.com/", // a Cyrillic a
                "https://e-tjanster.1177.se@evil.example/", // user information before the real host
                "https://e-tjanster.1177.se/a b",
                "javascript:alert(1)",
                "https:///nohost")) {
            assertProblem(
                            json().body(Map.of("url", link))
                                    .put(offerings(unit) + "/fornya-recept")
                                    .then(),
                            400)
                    .body("errors[0].field", equalTo("url"));
        }
        json().get(offerings(unit)).then().body("$", empty());
        String punycode = "https://xn--pple-43d.com:8443/v\u00e4g?x=1&y=%C3%A4#del".replace("\u00e4", "%C3%A4");
        json().body(Map.of("url", punycode))
                .put(offerings(unit) + "/fornya-recept")
                .then()
                .statusCode(201)
                .body("url", equalTo(punycode));
    }
}
