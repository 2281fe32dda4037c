package se.basutbud.web.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import se.basutbud.web.IsoDate;

/**
 * Turns every failure into an RFC 9457 problem body. Details are written for the client; internals
 * (class names, SQL, stack traces) only ever go to the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        return problem(e.type(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return bearerChallenge(problem(ProblemType.UNAUTHORIZED, "This operation needs a bearer token", null, uri));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        // Expired, wrongly signed, from another issuer or unsigned: the client learns no more than that.
        return bearerChallenge(problem(ProblemType.UNAUTHORIZED, "The bearer token is not valid", null, uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(ProblemType.FORBIDDEN, "Your token's role does not allow this operation", null, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return problem(ProblemType.VALIDATION, detail, errors, uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return problem(
                ProblemType.VALIDATION,
                "Unknown property " + field,
                List.of(new Problem.FieldError(field, "is not a known property")),
                uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return wrongValue(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return wrongValue(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return wrongValue(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return problem(ProblemType.VALIDATION, "The request body is not well-formed JSON", null, uri);
    }

    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        // Reached only when two requests race past the service's own checks; the database kept the rule.
        if (e.getKind() == ConstraintKind.UNIQUE) {
            return problem(
                    ProblemType.CONFLICT,
                    "The change conflicts with a concurrent change; read and try again",
                    null,
                    uri);
        }
        LOG.errorf(e, "Constraint %s violated", e.getConstraintName());
        return problem(ProblemType.UNPROCESSABLE, "The change breaks a rule of the catalogue", null, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail =
                switch (status) {
                    case 404 -> "No resource at " + uri.getPath();
                    case 405 -> "This resource does not support that method";
                    case 406 -> "This resource cannot answer in any of the accepted media types";
                    case 413 -> "The request body is larger than 1 MiB";
                    case 415 -> "The request body must be application/json";
                    default -> type.title();
                };
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), status, detail, uri.getPath(), null));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return databaseConstraint(violation, uri);
            }
        }
        if (clientWentAway(e)) {
            // The client closed the connection (or was cut off for a slow body) while its body was read: no
            // one is left to answer, and it is not the service's failure.
            LOG.debug("Client connection closed while reading the request", e);
            return problem(ProblemType.VALIDATION, "The connection closed before the body was read", null, uri);
        }
        if (isDatabaseUnavailable(e)) {
            LOG.warn("Database unavailable: " + e.getMessage());
            return problem(
                    ProblemType.UNAVAILABLE,
                    "The catalogue's database cannot be reached or has no free connection; try again shortly",
                    null,
                    uri);
        }
        LOG.error("Unexpected failure", e);
        return problem(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged", null, uri);
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static Response bearerChallenge(Response response) {
        return Response.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    /** A problem answer; a 503 says when to try again. */
    static Response problem(ProblemType type, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        Response.ResponseBuilder answer = Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), type.status(), detail, uri.getPath(), errors));
        if (type.status() == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, type.retryAfterSeconds());
        }
        return answer.build();
    }

    private Response wrongValue(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return problem(ProblemType.VALIDATION, "The request body is not the expected JSON object", null, uri);
        }
        String message = "has a value of the wrong type or format";
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target != null && target.isEnum()) {
            message = "must be one of "
                    + java.util.Arrays.stream(target.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        } else if (target == java.time.LocalDate.class) {
            message = IsoDate.EXPECTED;
        }
        return problem(
                ProblemType.VALIDATION, field + ": " + message, List.of(new Problem.FieldError(field, message)), uri);
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /**
     * The field as the client named it: {@code name} for a body property, {@code hsaId} for a parameter,
     * without the Java method and the body parameter (always called {@code request}) in front.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD
                    || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.RETURN_VALUE
                    || (kind == ElementKind.PARAMETER && "request".equals(node.getName()))) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.net.ConnectException
                    // Agroal's pool, when no connection came free in the acquisition timeout: a plain
                    // SQLException without SQLState ("Sorry, acquisition timeout!").
                    || (cause instanceof java.sql.SQLException sql
                            && sql.getSQLState() == null
                            && String.valueOf(sql.getMessage())
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .contains("acquisition timeout"))
                    || (cause instanceof java.sql.SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
