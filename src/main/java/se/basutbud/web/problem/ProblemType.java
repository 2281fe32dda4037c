package se.basutbud.web.problem;

/**
 * The kinds of problem the API answers, each with a stable type URI that clients can switch on. The URI is
 * a path on the service itself ({@code /problems/not-found}), where {@link ProblemTypeResource} explains
 * what the problem means and what a client can do about it.
 */
public enum ProblemType {
    VALIDATION(
            400,
            "validation",
            "Bad Request",
            "The request broke a rule of the API: a malformed or unknown JSON property, a value of the wrong type "
                    + "or format, a string over its maximum length, a date outside 0001-01-01 to 9999-12-31, or a "
                    + "query parameter out of range. The errors member names each rejected field or parameter. "
                    + "Nothing was changed; correct the request before sending it again."),
    UNAUTHORIZED(
            401,
            "unauthorized",
            "Unauthorized",
            "The operation needs a bearer token, and none was sent, or the one sent is expired, not yet valid, "
                    + "from another issuer, for another audience or wrongly signed. Get a new token from the "
                    + "region's identity provider."),
    FORBIDDEN(
            403,
            "forbidden",
            "Forbidden",
            "The token is valid but its role (groups claim) does not allow the operation, or, for a unit "
                    + "editor, the unit belongs to a care provider that is not in the token's org claim, or the "
                    + "change is dated further back than a unit editor may date it (an administrator may)."),
    NOT_FOUND(
            404,
            "not-found",
            "Not Found",
            "Nothing exists under that key: an unknown HSA-id, e-service code or revision id, a closed unit's "
                    + "contact card, or no basutbud revision in force on the date asked for."),
    METHOD_NOT_ALLOWED(
            405,
            "method-not-allowed",
            "Method Not Allowed",
            "The resource exists but does not support the HTTP method; the Allow header lists those it does."),
    NOT_ACCEPTABLE(
            406,
            "not-acceptable",
            "Not Acceptable",
            "The resource cannot answer in any of the media types of the Accept header."),
    REQUEST_TIMEOUT(
            408,
            "request-timeout",
            "Request Timeout",
            "The request body did not arrive in time (30 seconds by default); the connection is closed. Send the "
                    + "whole body at once."),
    CONFLICT(
            409,
            "conflict",
            "Conflict",
            "The change contradicts the catalogue's current state: an e-service code already taken, a "
                    + "published revision that can no longer change, an offering period that would overlap another, "
                    + "a closed unit, or a concurrent change that won. Read the resource again and decide."),
    PRECONDITION_FAILED(
            412,
            "precondition-failed",
            "Precondition Failed",
            "The If-Match header named a version of the resource that is no longer current: someone changed "
                    + "it since you read it. Read it again (GET gives the current ETag) and reapply your change."),
    PAYLOAD_TOO_LARGE(
            413,
            "payload-too-large",
            "Content Too Large",
            "The request body is larger than the service accepts: 1 MiB, or for an import's file 50 MiB (both"
                    + " configurable)."),
    URI_TOO_LONG(
            414,
            "uri-too-long",
            "URI Too Long",
            "The request's path and query are longer than the service reads (8,192 bytes by default). No query "
                    + "of the API needs that much; check how the URL is built."),
    UNSUPPORTED_MEDIA_TYPE(
            415,
            "unsupported-media-type",
            "Unsupported Media Type",
            "The request body is not in a media type the operation reads: application/json, or for an import's"
                    + " file one of those its operation lists (text/csv, application/x-ndjson, application/xml,"
                    + " application/zip)."),
    UNPROCESSABLE(
            422,
            "unprocessable",
            "Unprocessable Content",
            "The request is well formed but breaks a rule of the catalogue, such as offering a retired "
                    + "e-service, ending an offering before it started or publishing a revision without requirements."),
    HEADER_FIELDS_TOO_LARGE(
            431,
            "header-fields-too-large",
            "Request Header Fields Too Large",
            "The request's header fields together are larger than the service reads (16 KiB by default), "
                    + "often because of an oversized bearer token or cookies. Send a smaller token."),
    INTERNAL(
            500,
            "internal",
            "Internal Server Error",
            "The service failed unexpectedly. The failure is logged with the time and path of this problem; "
                    + "nothing was changed unless the answer to a retry says so."),
    UNAVAILABLE(
            503,
            "unavailable",
            "Service Unavailable",
            "The service cannot reach its database just now, or every connection to it is busy. Try again after "
                    + "the seconds in the Retry-After header; the service recovers by itself."),
    BUSY(
            503,
            "busy",
            "Service Busy",
            "As many full reports as the service computes at once are being computed, on this replica or for "
                    + "this caller. Try again after the seconds in the Retry-After header; a report takes seconds.");

    /** Seconds a client should wait before trying again after a 503 of each kind. */
    public int retryAfterSeconds() {
        return this == BUSY ? 30 : 5;
    }

    /** Where the problem types are documented, and the prefix of every type URI. */
    public static final String PATH = "/problems";

    private final int status;
    private final String slug;
    private final String title;
    private final String description;

    ProblemType(int status, String slug, String title, String description) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.description = description;
    }

    public int status() {
        return status;
    }

    /** The type URI: a path on this service that documents the problem (RFC 9457 §3.1.1). */
    public String uri() {
        return PATH + "/" + slug;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
