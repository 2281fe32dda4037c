package se.basutbud.web;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter.RunStage;

import se.basutbud.web.problem.Problem;

/**
 * Completes the published contract with what every operation shares, so that it says what the service really
 * answers: the problem schema on every error response, every operation's 400, 500 and 503, 413/415 where a
 * body is read, 401/403 where a token is needed, and the response headers clients rely on (Location on a
 * 201, Link on a page of a list, Retry-After on a 503, WWW-Authenticate on a 401). The contract's title,
 * version and licence are declared on {@link BasutbudApi}.
 */
@io.quarkus.smallrye.openapi.OpenApiFilter(stages = RunStage.BUILD)
public class OpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String PAGE_SCHEMA_PREFIX = "#/components/schemas/Page";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // Relative to where the contract is served; the audience is the region's own systems and web team.
        openAPI.setServers(java.util.List.of(OASFactory.createServer()
                .url("/")
                .description("The production service, or a local one in dev mode: wherever this contract is served")
                .addExtension("x-internal", true)));
        addHeaders(openAPI.getComponents());
        openAPI.getPaths().getPathItems().values().forEach(pathItem -> pathItem.getOperations()
                .values()
                .forEach(this::completeResponses));
    }

    /** The response headers, defined once and referred to by name ({@code @Header(ref = "ETag")} in resources). */
    private static void addHeaders(Components components) {
        header(
                components,
                "ETag",
                "Strong entity tag of the representation; send it in If-Match of a write, "
                        + "or in If-None-Match to revalidate");
        header(components, "Cache-Control", "How long browsers and CDNs may keep the answer");
        header(components, "Location", "The URL of the resource the request created");
        header(components, "Link", "RFC 8288 links to the first, previous, next and last pages of the list");
        header(components, "Retry-After", "Seconds to wait before trying again");
        header(components, "WWW-Authenticate", "The authentication scheme to use: Bearer");
    }

    private static void header(Components components, String name, String description) {
        components.addHeader(
                name,
                OASFactory.createHeader()
                        .description(description)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }

    private void completeResponses(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null) {
            // Every operation that takes a body can meet these; they are answered before the resource runs.
            addIfMissing(responses, "400", "The body is invalid");
            addIfMissing(responses, "408", "The request's head or body did not arrive in time");
            addIfMissing(responses, "413", "The body is larger than 1 MiB");
            addIfMissing(responses, "415", "The body is not application/json");
        }
        // Any request can carry a NUL character or a malformed parameter (NulCharacterGuard, QueryParams).
        addIfMissing(responses, "400", "The request is invalid: a parameter, or a NUL character in the path or query");
        // Any request can be too long or too slow (RequestLimits, RequestHeadDeadline).
        addIfMissing(responses, "408", "The request line and header fields did not arrive in time");
        addIfMissing(responses, "414", "The path and query are too long");
        addIfMissing(responses, "431", "The header fields are too large");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfMissing(
                    responses,
                    "401",
                    "No bearer token, or one that is expired, from another issuer or audience, or wrongly signed");
            addIfMissing(responses, "403", "The token's role or organisations do not allow this");
        }
        addIfMissing(responses, "500", "Unexpected failure");
        addIfMissing(
                responses,
                "503",
                "The database cannot be reached, or the service is busy; retry after the Retry-After seconds");
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getContent() == null
                        || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(problemContent());
                }
            }
            switch (status) {
                case "201" -> addHeaderRef(response, "Location");
                case "401" -> addHeaderRef(response, "WWW-Authenticate");
                case "503" -> addHeaderRef(response, "Retry-After");
                case "200" -> {
                    if (isPage(response)) {
                        addHeaderRef(response, "Link");
                    }
                }
                default -> {}
            }
        }
    }

    private static boolean isPage(APIResponse response) {
        if (response.getContent() == null) {
            return false;
        }
        MediaType json = response.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        return json != null
                && json.getSchema() != null
                && json.getSchema().getRef() != null
                && json.getSchema().getRef().startsWith(PAGE_SCHEMA_PREFIX);
    }

    private static void addHeaderRef(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(name));
        }
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        Schema ref = OASFactory.createSchema().ref(PROBLEM_REF);
        return OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(ref));
    }
}
