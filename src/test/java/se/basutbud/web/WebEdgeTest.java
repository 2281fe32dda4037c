package se.basutbud.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.asAdmin;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import se.basutbud.support.Api;
import se.basutbud.support.Tokens;
import se.basutbud.web.problem.ProblemType;

/** What browsers and caches see at the edge: CORS, compression, paging links and the problem type pages. */
@QuarkusTest
class WebEdgeTest {

    private static final String PAGE_ORIGIN = "https://www.region.example";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI root;

    /** A unit whose card is over a kilobyte, so that it is worth compressing. */
    private static String newUnitWithACard() {
        String hsaId = Api.newCareProvider() + "-1";
        Api.putUnit(hsaId, "PRIMARY_CARE", Map.of("name", "Vårdcentralen Kanten", "municipality", "Kalmar"));
        for (String code : List.of("fornya-recept", "av-omboka-tid", "bestall-tid", "kontakta-mig", "provsvar")) {
            json().body(Map.of(
                            "url",
                            "https://e-tjanster.1177.se/mvk/" + code + "?enhet=" + hsaId + "&x=" + "a".repeat(150)))
                    .put("/api/v1/care-units/" + hsaId + "/offerings/" + code)
                    .then()
                    .statusCode(201);
        }
        return hsaId;
    }

    @Test
    void aCardIsReadableByPagesOfAnyOriginWithItsTagForRevalidation() {
        String hsaId = newUnitWithACard();
        Response card = request().header("Origin", PAGE_ORIGIN).get("/api/v1/contact-cards/" + hsaId);
        card.then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Cache-Control"));
        request()
                .header("Origin", PAGE_ORIGIN)
                .header("If-None-Match", card.header("ETag"))
                .get("/api/v1/contact-cards/" + hsaId)
                .then()
                .statusCode(304)
                .header("Access-Control-Allow-Origin", "*");
        request()
                .header("Origin", PAGE_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .options("/api/v1/contact-cards/" + hsaId)
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"))
                .header("Access-Control-Max-Age", "600");
        for (String path : List.of(
                "/api/v1/contact-cards",
                "/api/v1/e-services",
                "/api/v1/e-services/fornya-recept",
                "/api/v1/baselines",
                "/api/v1/info")) {
            request()
                    .header("Origin", PAGE_ORIGIN)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Expose-Headers", containsString("Link"));
        }
    }

    @Test
    void theServiceSaysWhatItIsWithoutAToken() {
        request()
                .get("/api/v1/info")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("service", equalTo("basutbud"))
                .body(
                        "version",
                        equalTo(ConfigProvider.getConfig().getValue("quarkus.application.version", String.class)))
                .body("version", matchesPattern("[0-9]+\\.[0-9]+\\.[0-9]+.*"))
                .body("api", equalTo("v1"));
    }

    @Test
    void operationsThatNeedATokenAreClosedToOtherOriginsByDefault() {
        asAdmin()
                .header("Origin", PAGE_ORIGIN)
                .get("/api/v1/care-units")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        request()
                .header("Origin", PAGE_ORIGIN)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .options("/api/v1/care-units/SE2321000073-1")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"))
                .header("Access-Control-Allow-Origin", nullValue());
        // A public read, but with a token: not what public pages may send.
        request()
                .header("Origin", PAGE_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/e-services")
                .then()
                .statusCode(403);
        request()
                .header("Origin", PAGE_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/e-services")
                .then()
                .statusCode(403);
    }

    @Test
    void largeAnswersAreGzippedForClientsThatAcceptItAndSmallOnesAreNot() throws Exception {
        HttpResponse<byte[]> plain = get("/api/v1/e-services?size=500", Map.of());
        HttpResponse<byte[]> gzipped = get("/api/v1/e-services?size=500", Map.of("Accept-Encoding", "gzip"));
        assertTrue(plain.body().length >= 1024, "the list is large enough to compress");
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(vary(gzipped).contains("Accept-Encoding"));
        assertTrue(gzipped.body().length < plain.body().length / 2, "gzip halves the JSON at least");
        assertArrayEquals(plain.body(), new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes());

        HttpResponse<byte[]> small = get("/api/v1/info", Map.of("Accept-Encoding", "gzip"));
        assertTrue(small.headers()
                .firstValue("Content-Encoding")
                .filter("gzip"::equals)
                .isEmpty());
        assertTrue(new String(small.body(), StandardCharsets.UTF_8).startsWith("{"));
    }

    @Test
    void theFullReportIsCompressedAndVariesByAcceptToo() throws Exception {
        java.time.LocalDate asOf = Api.farDate();
        String code = Api.createService("Komprimerad");
        Api.publishBaseline(asOf, Map.of(code, List.of()));
        // A region large enough that both forms of its report are over the 1 kB below which nothing is compressed.
        String provider = Api.newCareProvider();
        for (int i = 1; i <= 15; i++) {
            Api.putUnit(
                    provider + "-" + i,
                    "PRIMARY_CARE",
                    Map.of("name", "Vårdcentralen i en lång rad " + "x".repeat(100) + i));
        }
        String token = Tokens.admin();
        for (String accept : List.of("application/json", "text/csv")) {
            HttpResponse<byte[]> report = get(
                    "/api/v1/compliance?asOf=" + asOf + "&careProvider=" + provider,
                    Map.of("Accept-Encoding", "gzip", "Accept", accept, "Authorization", "Bearer " + token));
            assertEquals(200, report.statusCode());
            assertEquals("gzip", report.headers().firstValue("Content-Encoding").orElse(null), accept);
            assertTrue(
                    vary(report).containsAll(List.of("Accept", "Accept-Encoding")),
                    vary(report).toString());
            String body = new String(
                    new GZIPInputStream(new ByteArrayInputStream(report.body())).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(accept.equals("text/csv") ? body.startsWith("\"hsaId\",") : body.contains("\"summary\""), body);
        }
    }

    @Test
    void aCardIsTheSameAnswerFromTheDatabaseAndFromTheReplicasMemory() throws Exception {
        String hsaId = newUnitWithACard();
        int change = 0;
        for (HttpClient.Version version : List.of(HttpClient.Version.HTTP_1_1, HttpClient.Version.HTTP_2)) {
            HttpClient client = HttpClient.newBuilder().version(version).build();
            for (String acceptEncoding :
                    List.of("deflate", "gzip, deflate, br", "gzip", "identity", "deflate;q=0, gzip")) {
                String name = "Vårdcentralen Kanten " + ++change;
                // The first read after a change comes from the database through the REST layer, the second from memory.
                json().body(Map.of("name", name, "unitType", "PRIMARY_CARE"))
                        .put("/api/v1/care-units/" + hsaId)
                        .then()
                        .statusCode(200);
                HttpResponse<byte[]> fromDatabase =
                        get(client, "/api/v1/contact-cards/" + hsaId, Map.of("Accept-Encoding", acceptEncoding));
                HttpResponse<byte[]> fromMemory =
                        get(client, "/api/v1/contact-cards/" + hsaId, Map.of("Accept-Encoding", acceptEncoding));
                String variant = version + " Accept-Encoding " + acceptEncoding;
                assertEquals(200, fromDatabase.statusCode(), variant);
                assertEquals(version, fromMemory.version());
                for (String header : List.of(
                        "ETag", "Cache-Control", "Content-Type", "Content-Encoding", "Content-Length", "Vary")) {
                    assertEquals(
                            fromDatabase.headers().allValues(header),
                            fromMemory.headers().allValues(header),
                            header + ", " + variant);
                }
                assertArrayEquals(fromDatabase.body(), fromMemory.body(), variant);
                String encoding =
                        fromMemory.headers().firstValue("Content-Encoding").orElse("identity");
                if (version == HttpClient.Version.HTTP_1_1
                        && acceptEncoding.startsWith("deflate")
                        && !acceptEncoding.contains("q=0")) {
                    assertEquals("deflate", encoding, "the stored bytes as they are, " + variant);
                }
                if (acceptEncoding.equals("identity")) {
                    assertEquals("identity", encoding, variant);
                }
                String card = new String(
                        switch (encoding) {
                            case "deflate" ->
                                new InflaterInputStream(new ByteArrayInputStream(fromMemory.body())).readAllBytes();
                            case "gzip" ->
                                new GZIPInputStream(new ByteArrayInputStream(fromMemory.body())).readAllBytes();
                            default -> fromMemory.body();
                        },
                        StandardCharsets.UTF_8);
                assertTrue(card.startsWith("{") && card.contains(name), variant + ": " + card);
            }
        }
    }

    @Test
    void everyPageOfAListLinksToTheOthersKeepingItsFilters() {
        String careProvider = Api.newCareProvider();
        for (int i = 1; i <= 5; i++) {
            Api.putUnit(careProvider + "-" + i, "PRIMARY_CARE", Map.of());
        }
        Response middle = asAdmin()
                .queryParam("careProvider", careProvider)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/care-units");
        middle.then().statusCode(200).body("total", equalTo(5));
        String links = middle.header("Link");
        for (String expected : List.of("page=0", "page=2")) {
            assertTrue(links.contains(expected), links);
        }
        assertEquals(List.of("first", "prev", "next", "last"), relations(links));
        assertTrue(links.contains("<" + "/api/v1/care-units?careProvider=" + careProvider), links);
        assertTrue(
                links.contains("page=2&size=2>; rel=\"last\"") || links.contains("size=2&page=2>; rel=\"last\""),
                links);

        String first = asAdmin()
                .queryParam("careProvider", careProvider)
                .queryParam("size", 2)
                .get("/api/v1/care-units")
                .header("Link");
        assertEquals(List.of("first", "next", "last"), relations(first));
        String empty = asAdmin()
                .queryParam("careProvider", Api.newCareProvider())
                .get("/api/v1/care-units")
                .header("Link");
        assertEquals(List.of("first", "last"), relations(empty));
    }

    private static List<String> relations(String links) {
        return java.util.Arrays.stream(links.split(", "))
                .map(link -> link.substring(link.indexOf("rel=\"") + 5, link.length() - 1))
                .toList();
    }

    @Test
    void noAnswerMayBeSniffedAsAnotherType() {
        String hsaId = newUnitWithACard();
        request().get("/api/v1/contact-cards/" + hsaId).then().statusCode(200); // from the database
        for (Response answer : List.of(
                request().get("/api/v1/contact-cards/" + hsaId), // from memory
                request().get("/api/v1/e-services"),
                request().get("/api/v1/care-units"),
                request().get("/api/v1/no-such-path"),
                request().get("/problems"),
                asAdmin().header("Accept", "text/csv").get("/api/v1/compliance?asOf=1900-01-01"))) {
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer.statusLine());
        }
    }

    @Test
    void everyProblemTypeLeadsToAPageThatExplainsIt() {
        Response problem = request().get("/api/v1/e-services/no-such-service");
        String type = problem.then().statusCode(404).extract().path("type");
        assertEquals("/problems/not-found", type);
        request()
                .get(type)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("404 Not Found"));
        String index =
                request().get("/problems").then().statusCode(200).extract().asString();
        for (ProblemType each : ProblemType.values()) {
            assertTrue(index.contains("href=\"" + each.uri() + "\""), each.uri());
            request().get(each.uri()).then().statusCode(200).body(containsString(each.title()));
        }
        assertProblem(request().get("/problems/no-such-problem").then(), 404);
    }

    @Test
    void aPageBeyondWhatAnIntCanCountIsABadRequestOnEveryList() {
        for (String list : List.of("/api/v1/e-services", "/api/v1/care-units", "/api/v1/baselines", "/api/v1/audit")) {
            assertProblem(
                            asAdmin()
                                    .queryParam("page", 4294968)
                                    .queryParam("size", 500)
                                    .get(list)
                                    .then(),
                            400)
                    .body("errors[0].field", equalTo("page"));
        }
        asAdmin()
                .queryParam("page", 4294967)
                .queryParam("size", 500)
                .get("/api/v1/e-services")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void datesOutsideTheYears1To9999AreBadRequestsInQueriesAndBodies() {
        for (String date : List.of("+999999999-12-31", "-0001-01-01", "0000-12-31", "+10000-01-01", "10000-01-01")) {
            assertProblem(asAdmin().queryParam("to", date).get("/api/v1/audit").then(), 400)
                    .body("errors[0].field", equalTo("to"));
            assertProblem(
                            json().body(Map.of("name", "X", "validFrom", date))
                                    .post("/api/v1/baselines")
                                    .then(),
                            400)
                    .body("errors[0].field", equalTo("validFrom"));
        }
        asAdmin()
                .queryParam("to", "9999-12-31")
                .queryParam("from", "0001-01-01")
                .get("/api/v1/audit")
                .then()
                .statusCode(200);
    }

    @Test
    void aDateIsAStringNeverANumber() {
        String hsaId = newUnitWithACard();
        assertProblem(
                        json().body("{\"since\": 123}")
                                .put("/api/v1/care-units/" + hsaId + "/offerings/begar-intyg")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("since"));
        assertProblem(
                        json().body("{\"since\": [2026, 1, 1]}")
                                .put("/api/v1/care-units/" + hsaId + "/offerings/begar-intyg")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("since"));
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        return get(HTTP, path, headers);
    }

    private HttpResponse<byte[]> get(HttpClient client, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).GET();
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static java.util.Set<String> vary(HttpResponse<?> response) {
        return response.headers().allValues("Vary").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip)
                .collect(java.util.stream.Collectors.toSet());
    }
}
