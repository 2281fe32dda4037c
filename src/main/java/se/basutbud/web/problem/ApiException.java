package se.basutbud.web.problem;

import java.util.List;

/**
 * A failure the client can act on, answered as a problem body. Services throw these; the message is
 * the problem's detail and must never contain internals.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    private ApiException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(
                ProblemType.VALIDATION, field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(ProblemType.PRECONDITION_FAILED, detail);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(ProblemType.UNPROCESSABLE, detail);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
