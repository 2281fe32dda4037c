package se.basutbud.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * openapi/openapi.yaml is the published contract that clients are generated from; it must equal what the
 * service serves. After an intended API change, regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true} and review the diff. The contract is
 * read here without {@link se.basutbud.support.ContractValidation}, which needs it to be valid already.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");

    @Test
    void theCommittedContractEqualsWhatTheServiceServes() throws IOException {
        String served =
                given().get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(CONTRACT.getParent());
            Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(CONTRACT), "openapi/openapi.yaml is missing; see this test's comment to generate it");
        assertEquals(
                Files.readString(CONTRACT, StandardCharsets.UTF_8),
                served,
                "openapi/openapi.yaml differs from the served contract; see this test's comment to regenerate it");
    }

    @Test
    void everyOperationIsNamedSummarisedTaggedAndDocumentsItsErrorsAsProblems() throws IOException {
        JsonNode spec = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        List<String> defects = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                if (!op.hasNonNull("operationId")) {
                    defects.add(name + " has no operationId");
                }
                if (!op.hasNonNull("summary")) {
                    defects.add(name + " has no summary");
                }
                if (!op.has("tags") || op.get("tags").isEmpty()) {
                    defects.add(name + " has no tag");
                }
                boolean success = false;
                for (Map.Entry<String, JsonNode> response : op.get("responses").properties()) {
                    String status = response.getKey();
                    success |= status.startsWith("2") || status.equals("304");
                    if (status.startsWith("4") || status.startsWith("5")) {
                        JsonNode schema = response.getValue()
                                .path("content")
                                .path("application/problem+json")
                                .path("schema");
                        if (!"#/components/schemas/Problem"
                                .equals(schema.path("$ref").asText())) {
                            defects.add(name + " " + status + " is not documented as a problem");
                        }
                    }
                }
                if (!success) {
                    defects.add(name + " documents no success");
                }
                if (!op.get("responses").has("500")) {
                    defects.add(name + " documents no 500");
                }
            }
        }
        assertTrue(operations >= 29, "expected the whole v1 API, found " + operations + " operations");
        assertEquals(List.of(), defects);
        assertTrue(spec.at("/components/schemas/Problem/properties").has("errors"));
        // Swagger UI offers "Authorize" for a pasted bearer token because the contract declares the scheme.
        assertEquals(
                "bearer", spec.at("/components/securitySchemes/bearer/scheme").asText());
        assertEquals(
                "JWT",
                spec.at("/components/securitySchemes/bearer/bearerFormat").asText());
    }

    @Test
    void swaggerUiIsServed() {
        String page =
                given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertFalse(page.isBlank());
        assertTrue(page.contains("swagger"), "the Swagger UI page");
    }
}
