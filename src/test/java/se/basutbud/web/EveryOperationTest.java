package se.basutbud.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.request;
import static se.basutbud.support.Api.withToken;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import se.basutbud.security.Roles;
import se.basutbud.support.TestIdentityProvider;
import se.basutbud.support.Tokens;

/**
 * Walks every operation of the published contract with no token, a forged token and a malformed body,
 * and checks each answer: the status the contract promises, and a problem body with nothing internal in it.
 */
@QuarkusTest
class EveryOperationTest {

    /** @param takesJson whether the body is JSON; otherwise a file (an import), and JSON is the wrong media type */
    private record Operation(String method, String path, boolean secured, boolean takesBody, boolean takesJson) {
        String concretePath() {
            return path.replace("{hsaId}", "SE2321000073-1")
                    .replace("{code}", "fornya-recept")
                    .replace("{serviceCode}", "fornya-recept")
                    .replace("{id}", "1");
        }
    }

    private static List<Operation> operations() throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("openapi", "openapi.yaml").toFile());
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode op = operation.getValue();
                operations.add(new Operation(
                        operation.getKey().toUpperCase(),
                        path.getKey(),
                        op.has("security") && !op.get("security").isEmpty(),
                        op.has("requestBody"),
                        op.path("requestBody").path("content").has("application/json")));
            }
        }
        return operations;
    }

    private static Response call(RequestSpecification request, Operation operation, String body) {
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.request(operation.method(), operation.concretePath());
    }

    private static void assertProblemBody(Operation operation, Response response, List<String> defects) {
        if (response.statusCode() < 400) {
            return;
        }
        String text = response.asString();
        if (!response.contentType().startsWith("application/problem+json")) {
            defects.add(operation + " answered " + response.statusCode() + " as " + response.contentType());
        } else if (text.contains("Exception")
                || text.contains("se.basutbud")
                || text.contains("\tat ")
                || text.toLowerCase().contains("select ")) {
            defects.add(operation + " leaked internals: " + text);
        }
    }

    @Test
    void withoutATokenSecuredOperationsAnswer401AndPublicOnesNever() throws IOException {
        List<String> defects = new ArrayList<>();
        List<Operation> operations = operations();
        assertTrue(operations.size() >= 30);
        for (Operation operation : operations) {
            Response response = call(request(), operation, operation.takesBody() ? "{}" : null);
            if (operation.secured() != (response.statusCode() == 401) || response.statusCode() >= 500) {
                defects.add(operation + " answered " + response.statusCode() + " without a token");
            }
            assertProblemBody(operation, response, defects);
        }
        assertEquals(List.of(), defects);
    }

    @Test
    void aForgedTokenIsRejectedEverywhereItIsNeeded() throws IOException {
        String forged = Tokens.claims("mallory", Roles.ADMIN, java.util.Set.of())
                .sign(TestIdentityProvider.newKeyPair().getPrivate());
        List<String> defects = new ArrayList<>();
        for (Operation operation : operations()) {
            if (!operation.secured()) {
                continue;
            }
            Response response = call(withToken(forged), operation, operation.takesBody() ? "{}" : null);
            if (response.statusCode() != 401) {
                defects.add(operation + " answered " + response.statusCode() + " to a forged token");
            }
            assertProblemBody(operation, response, defects);
        }
        assertEquals(List.of(), defects);
    }

    @Test
    void malformedBodiesAreBadRequestsEverywhere() throws IOException {
        // A file operation (an import) answers JSON of any kind as the media type it does not read: 415.
        List<String> defects = new ArrayList<>();
        for (Operation operation : operations()) {
            if (!operation.takesBody()) {
                continue;
            }
            for (String body :
                    List.of("{\"name\": ", "[]", "\"text\"", "{\"unknown\": 1}", "{\"name\": {\"$gt\": \"\"}}")) {
                Response response = call(withToken(Tokens.admin()), operation, body);
                if (response.statusCode() != (operation.takesJson() ? 400 : 415)) {
                    defects.add(operation + " answered " + response.statusCode() + " to " + body);
                }
                assertProblemBody(operation, response, defects);
            }
        }
        assertEquals(List.of(), defects);
    }

    @Test
    void queryTextThatLooksLikeSqlOrScriptIsOnlyData() throws IOException {
        List<String> defects = new ArrayList<>();
        for (Operation operation : operations()) {
            if (!operation.method().equals("GET")) {
                continue;
            }
            for (String value : List.of("' OR '1'='1", "1; DROP TABLE care_unit; --", "<script>alert(1)</script>")) {
                Response response = withToken(Tokens.admin())
                        .queryParam("q", value)
                        .queryParam("municipality", value)
                        .queryParam("careProvider", value)
                        .queryParam("key", value)
                        .queryParam("actor", value)
                        .get(operation.concretePath());
                if (response.statusCode() >= 500) {
                    defects.add(operation + " failed on " + value);
                }
                if (response.asString().contains("<script>")) {
                    defects.add(operation + " echoed a script: " + value);
                }
                assertProblemBody(operation, response, defects);
            }
        }
        assertEquals(List.of(), defects);
        withToken(Tokens.admin()).get("/api/v1/care-units").then().statusCode(200);
    }
}
