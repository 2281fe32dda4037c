package se.basutbud.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;

/** The contract check itself: what it lets pass and what it catches, without a service. */
class ContractValidationTest {

    private static final String INFO = "{\"service\":\"basutbud\",\"version\":\"1.0.0\",\"api\":\"v1\"}";

    private static List<String> keys(Request request, int status, String contentType, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (body != null) {
            response.withContentType(contentType).withBody(body);
        }
        return ContractValidation.violations(request, response.build()).stream()
                .map(violation -> violation.substring(0, violation.indexOf(':')))
                .toList();
    }

    private static Request get(String path) {
        return SimpleRequest.Builder.get(path).withAccept("application/json").build();
    }

    @Test
    void anAnswerAsDocumentedPasses() {
        assertEquals(List.of(), keys(get("/api/v1/info"), 200, "application/json", INFO));
    }

    @Test
    void aFieldTheContractDoesNotHaveFails() {
        String extra = INFO.replace("}", ",\"debug\":\"stack trace\"}");
        assertTrue(keys(get("/api/v1/info"), 200, "application/json", extra)
                .contains("validation.response.body.schema.additionalProperties"));
    }

    @Test
    void aNullWhereTheContractSaysStringFails() {
        String nullVersion = INFO.replace("\"1.0.0\"", "null");
        assertTrue(keys(get("/api/v1/info"), 200, "application/json", nullVersion)
                .contains("validation.response.body.schema"));
    }

    @Test
    void aValueOfTheWrongTypeOrFormatFails() {
        assertTrue(keys(get("/api/v1/info"), 200, "application/json", INFO.replace("\"1.0.0\"", "5"))
                .contains("validation.response.body.schema"));
        String unit = "{\"hsaId\":\"SE2321000073-1\",\"name\":\"X\",\"unitType\":\"PRIMARY_CARE\","
                + "\"careProvider\":\"SE2321000073\",\"openedOn\":\"2026-13-45\"}";
        assertTrue(keys(get("/api/v1/care-units/SE2321000073-1"), 200, "application/json", unit)
                .contains("validation.response.body.schema"));
    }

    @Test
    void anUndocumentedStatusFails() {
        assertTrue(keys(get("/api/v1/info"), 418, "application/json", INFO)
                .contains("validation.response.status.unknown"));
    }

    @Test
    void anErrorThatIsNotAProblemFails() {
        String notAProblem = "{\"error\":\"not found\"}";
        assertTrue(keys(get("/api/v1/e-services/nope"), 404, "application/problem+json", notAProblem)
                .contains("validation.response.body.schema.additionalProperties"));
    }

    @Test
    void aBadRequestThatWasRefusedIsExpectedButOneThatSucceededIsNot() {
        Request invalid = SimpleRequest.Builder.post("/api/v1/e-services")
                .withContentType("application/json")
                .withAccept("application/json")
                .withHeader("Authorization", "Bearer x")
                .withBody("{\"code\": 1}")
                .build();
        String problem =
                "{\"type\":\"/problems/validation\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"code\"}";
        assertEquals(List.of(), keys(invalid, 400, "application/problem+json", problem));
        String created = "{\"code\":\"x\",\"name\":\"X\",\"status\":\"ACTIVE\"}";
        assertTrue(keys(invalid, 201, "application/json", created).stream()
                .anyMatch(key -> key.startsWith("validation.request")));
    }
}
