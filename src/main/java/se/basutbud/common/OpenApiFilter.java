package se.basutbud.common;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter.RunStage;

/**
 * Gives every documented error response the problem schema, every operation its 500 and 503, and every
 * operation that takes a body its 400, 413 and 415, so that the published contract says what the
 * {@link ProblemMappers} really answer.
 */
@io.quarkus.smallrye.openapi.OpenApiFilter(stages = RunStage.BUILD)
public class OpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // Relative to where the contract is served; the audience is the region's own systems and web team.
        openAPI.setServers(java.util.List.of(OASFactory.createServer().url("/")
                .description("The production service, or a local one in dev mode: wherever this contract is served").addExtension("x-internal", true)));
        openAPI.getPaths().getPathItems().values().forEach(pathItem -> pathItem.getOperations().values()
                .forEach(this::completeErrorResponses));
    }

    private void completeErrorResponses(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null) {
            // Every operation that takes a body can meet these; they are answered before the resource runs.
            addIfMissing(responses, "400", "The body is invalid");
            addIfMissing(responses, "413", "The body is larger than 1 MiB");
            addIfMissing(responses, "415", "The body is not application/json");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfMissing(responses, "401", "No bearer token, or one that is expired, from another issuer or wrongly signed");
            addIfMissing(responses, "403", "The token's role or organisations do not allow this");
        }
        addIfMissing(responses, "500", "Unexpected failure");
        addIfMissing(responses, "503", "The database cannot be reached; retry after the Retry-After seconds");
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                APIResponse response = entry.getValue();
                if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
                    response.setContent(problemContent());
                }
            }
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
