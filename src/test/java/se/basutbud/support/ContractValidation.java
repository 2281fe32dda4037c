package se.basutbud.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds every exchange of the suite to the committed contract (openapi/openapi.yaml): an answer the contract
 * does not allow fails the test that received it, error answers included. A request the contract does not
 * allow must not succeed either; when the service refused it (4xx), as the many tests of bad input intend,
 * the request's own violations are expected and only the answer is checked. Paths outside the contract
 * (/q/health, /q/openapi, the problem type pages, the dev-only token) and CORS preflights are not checked.
 *
 * <p>Two checkers, each for what it does well: swagger-request-validator for the exchange (path, method,
 * status, media types, parameters, security, undeclared properties), and a JSON Schema 2020-12 validator
 * for the types and formats of JSON bodies, which the former does not check in an OpenAPI 3.1 document.
 */
public final class ContractValidation implements OrderedFilter {

    public static final Path CONTRACT = Path.of("openapi", "openapi.yaml");

    private static final OpenApiInteractionValidator EXCHANGES = OpenApiInteractionValidator.createForSpecificationUrl(
                    CONTRACT.toAbsolutePath().toUri().toString())
            .withLevelResolver(LevelResolver.create()
                    // Not part of the API: Quarkus's own endpoints, the problem type pages, dev-only tokens.
                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                    // The service ignores query parameters it does not know, as HTTP services do.
                    .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private static final JsonNode SPEC = read(CONTRACT);
    /** OpenAPI 3.1's dialect, knowing "components": each schema is checked with the contract's components beside it. */
    private static final JsonMetaSchema DIALECT = JsonMetaSchema.builder(OpenApi31.getInstance())
            .keyword(new AnnotationKeyword("components"))
            .build();

    private static final JsonSchemaFactory SCHEMAS =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.metaSchema(DIALECT)
                    .defaultMetaSchemaIri(DIALECT.getIri()));
    private static final SchemaValidatorsConfig SCHEMA_CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final ContractValidation FILTER = new ContractValidation();

    private ContractValidation() {}

    @Override
    public Response filter(
            FilterableRequestSpecification request,
            FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        if (request.getMethod().equals("OPTIONS")
                && request.getHeaders().hasHeaderWithName("Access-Control-Request-Method")) {
            // A CORS preflight is the browser asking the edge, not an operation of the API.
            return response;
        }
        List<String> violations = violations(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
        if (!violations.isEmpty()) {
            StringBuilder text = new StringBuilder("The exchange breaks openapi/openapi.yaml: ")
                    .append(request.getMethod())
                    .append(' ')
                    .append(request.getURI())
                    .append(" -> ")
                    .append(response.statusCode())
                    .append('\n');
            violations.forEach(violation -> text.append("  ").append(violation).append('\n'));
            text.append("  body: ").append(abbreviate(response.asString()));
            throw new AssertionError(text.toString());
        }
        return response;
    }

    /** What in this exchange the contract does not allow, by the rules above, each as "key: message". */
    public static List<String> violations(
            com.atlassian.oai.validator.model.Request request, com.atlassian.oai.validator.model.Response response) {
        boolean refused = response.getStatus() >= 400;
        // A 204 or 304 has no body, so the Accept header the client sent cannot disagree with it.
        boolean bodiless = response.getStatus() == 204 || response.getStatus() == 304;
        List<String> violations = new ArrayList<>();
        EXCHANGES.validate(request, response).getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !(refused && message.getKey().startsWith("validation.request")))
                .filter(message -> !(bodiless && message.getKey().equals("validation.request.accept.notAllowed")))
                .forEach(message -> violations.add(message.getKey() + ": " + message.getMessage()));
        operation(request.getMethod().name().toLowerCase(), request.getPath()).ifPresent(operation -> {
            String status = String.valueOf(response.getStatus());
            JsonNode documented = operation.path("responses").has(status)
                    ? operation.path("responses").path(status)
                    : operation.path("responses").path("default");
            response.getHeaderValue("Content-Type").ifPresent(type -> response.getResponseBody()
                    .ifPresent(body -> violations.addAll(bodyViolations("response", documented, type, text(body)))));
            if (!refused) {
                request.getContentType().ifPresent(type -> request.getRequestBody()
                        .ifPresent(body -> violations.addAll(
                                bodyViolations("request", operation.path("requestBody"), type, text(body)))));
            }
        });
        return violations;
    }

    /** The body's violations of the JSON schema documented for its media type; other media types are not parsed. */
    private static List<String> bodyViolations(String side, JsonNode documented, String contentType, String body) {
        String mediaType = contentType.split(";")[0].strip();
        JsonNode schema = documented.path("content").path(mediaType).path("schema");
        if (schema.isMissingNode() || !(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
            return List.of();
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (IOException e) {
            return List.of("validation." + side + ".body.json: not JSON: " + e.getMessage());
        }
        JsonSchema compiled = COMPILED.computeIfAbsent(schema.toString(), key -> {
            // The schema with the contract's components beside it, so that its $refs resolve in the contract.
            ObjectNode root = schema.deepCopy();
            root.set("components", SPEC.get("components"));
            return SCHEMAS.getSchema(root, SCHEMA_CONFIG);
        });
        return compiled.validate(parsed).stream()
                .map(ValidationMessage::getMessage)
                .map(message -> "validation." + side + ".body.schema: " + message)
                .toList();
    }

    /** The contract's operation for a method and a concrete path, if the contract has one. */
    private static Optional<JsonNode> operation(String method, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = SPEC.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(template) && entry.getValue().has(method)) {
                return Optional.of(entry.getValue().get(method));
            }
        }
        return Optional.empty();
    }

    private static String text(com.atlassian.oai.validator.model.Body body) {
        try {
            return body.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }

    @Override
    public int getOrder() {
        // Last, next to the wire: sees the request as sent and the answer as received.
        return Integer.MAX_VALUE;
    }
}
