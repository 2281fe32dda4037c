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
        byte[] huge = ("{\"code\":\"x\",\"name\":\"" + "a".repeat(1_100_000) + "\"}").getBytes();
        // An InputStream body is sent chunked, without Content-Length: the limit is found while reading.
        assertProblem(
                asAdmin()
                        .contentType("application/json")
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
}
