package se.basutbud.web.problem;

import static org.hamcrest.Matchers.equalTo;
import static se.basutbud.support.Api.asAdmin;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.request;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Failures outside any one feature still answer problem bodies. */
@QuarkusTest
class ProblemResponsesTest {

    @Test
    void anUnknownPathIsANotFoundProblem() {
        assertProblem(json().get("/api/v1/nothing-here").then(), 404).body("instance", equalTo("/api/v1/nothing-here"));
    }

    @Test
    void anUnsupportedMethodIsAMethodNotAllowedProblem() {
        assertProblem(json().delete("/api/v1/e-services/fornya-recept").then(), 405);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeProblem() {
        assertProblem(
                asAdmin()
                        .contentType("text/plain")
                        .body("code=x")
                        .post("/api/v1/e-services")
                        .then(),
                415);
        assertProblem(
                asAdmin()
                        .body("{}".getBytes())
                        .put("/api/v1/e-services/fornya-recept")
                        .then(),
                415);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedAsTooLarge() {
        String huge = "{\"code\":\"x\",\"name\":\"" + "a".repeat(1_100_000) + "\"}";
        assertProblem(
                request()
                        .contentType("application/json")
                        .body(huge)
                        .post("/api/v1/e-services")
                        .then(),
                413);
    }

    @Test
    void aChunkedBodyOverOneMebibyteIsRefusedAsTooLarge() {
        assertChunkedBodyTooLarge(asAdmin());
    }

    /**
     * An InputStream body is sent chunked, without Content-Length: the limit is found while reading, before
     * or after the token is looked at.
     */
    private static void assertChunkedBodyTooLarge(io.restassured.specification.RequestSpecification request) {
        byte[] huge = ("{\"code\":\"x\",\"name\":\"" + "a".repeat(1_100_000) + "\"}").getBytes();
        assertProblem(
                request.contentType("application/json")
                        .body(new java.io.ByteArrayInputStream(huge))
                        .post("/api/v1/e-services")
                        .then(),
                413);
    }

    @Test
    void anOperationWithoutABodyNeedsNoContentType() {
        request().get("/api/v1/e-services/fornya-recept").then().statusCode(200);
        assertProblem(asAdmin().post("/api/v1/baselines/999999999/publish").then(), 404);
        assertProblem(asAdmin().delete("/api/v1/baselines/999999999").then(), 404);
    }

    @Test
    void aStringLongerThanItsMaximumIsABadRequest() {
        assertProblem(
                        json().body(java.util.Map.of("code", "x", "name", "a".repeat(201)))
                                .post("/api/v1/e-services")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void anOverlongUrlIsAUriTooLongProblem() {
        assertProblem(
                        request()
                                .queryParam("q", "a".repeat(9_000))
                                .get("/api/v1/e-services")
                                .then(),
                        414)
                .body("detail", equalTo("The path and query are longer than 8192 bytes"));
        // Under the limit, the same request reaches the API, which finds the text too long for a search.
        assertProblem(
                        request()
                                .queryParam("q", "a".repeat(7_000))
                                .get("/api/v1/e-services")
                                .then(),
                        400)
                .body("type", equalTo("/problems/validation"));
    }

    @Test
    void oversizedHeaderFieldsAreAHeaderFieldsTooLargeProblem() {
        // A 21 kB bearer token, as the security test sent.
        assertProblem(
                request()
                        .header("Authorization", "Bearer " + "a".repeat(21_000))
                        .get("/api/v1/care-units")
                        .then(),
                431);
        assertProblem(
                request()
                        .header("X-Padding-1", "b".repeat(9_000))
                        .header("X-Padding-2", "b".repeat(9_000))
                        .get("/api/v1/e-services")
                        .then(),
                431);
    }

    @Test
    void anAnonymousChunkedBodyOverOneMebibyteIsRefusedAsTooLarge() {
        assertChunkedBodyTooLarge(request());
    }

    @Test
    void aBodyThatStopsArrivingIsARequestTimeoutProblem() throws Exception {
        int port = io.restassured.RestAssured.port;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            // Bounds the test, not the service: the answer is due after the 3 s body timeout of the test profile.
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            // An administrator's request, which the service reads the body of.
            out.write(("POST /api/v1/e-services HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer " + se.basutbud.support.Tokens.admin() + "\r\n"
                            + "Content-Length: 100\r\n\r\n{\"code\":")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("application/problem+json"), answer);
            org.junit.jupiter.api.Assertions.assertTrue(
                    answer.contains("\"type\":\"/problems/request-timeout\""), answer);
            // readAllBytes returned: the service closed the connection after its answer.
            org.junit.jupiter.api.Assertions.assertTrue(seconds < 15, "answered after " + seconds + " s");
        }
    }
}
