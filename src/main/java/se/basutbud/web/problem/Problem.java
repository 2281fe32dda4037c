package se.basutbud.web.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem body; every 4xx and 5xx answer of the API is one of these. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(
                description =
                        "The problem type: a path on this service whose page explains it (/problems lists them all); switch on this, not on title or detail",
                examples = "/problems/not-found")
        String type,

        @Schema(description = "Short summary of the problem type", examples = "Not Found")
        String title,

        @Schema(description = "HTTP status code", examples = "404")
        int status,

        @Schema(description = "Explanation of this occurrence", examples = "No care unit with HSA-id SE2321000073-1234")
        String detail,

        @Schema(description = "Request path of this occurrence", examples = "/api/v1/care-units/SE2321000073-1234")
        String instance,

        @Schema(description = "The rejected fields of a 400")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem of this type, without the request's path: for answers written before any resource runs. */
    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }

    @Schema(name = "FieldError", description = "One rejected field or parameter")
    public record FieldError(
            @Schema(examples = "hsaId") String field,

            @Schema(examples = "must be SE, a 10-digit organisation number, a hyphen and letters or digits")
            String message) {}
}
