package se.basutbud.common;

/** The kinds of problem the API answers, each with a stable type URI that clients can switch on. */
public enum ProblemType {
    VALIDATION(400, "validation", "Bad Request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not Found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method Not Allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not Acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition Failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Content Too Large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported Media Type"),
    UNPROCESSABLE(422, "unprocessable", "Unprocessable Content"),
    INTERNAL(500, "internal", "Internal Server Error"),
    UNAVAILABLE(503, "unavailable", "Service Unavailable");

    private final int status;
    private final String uri;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.uri = "urn:basutbud:problem:" + slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
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
