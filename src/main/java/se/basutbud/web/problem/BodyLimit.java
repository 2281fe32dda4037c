package se.basutbud.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * Refuses a body announced larger than the limit with a problem body. Quarkus itself answers such a request
 * with an empty 413 (route order -2); this route runs just before it. A chunked body without a length that
 * grows past the limit is refused while it is read, and {@link ProblemMappers} answers that one.
 */
@ApplicationScoped
class BodyLimit {

    private final long limit;
    private final String problem;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper objectMapper)
            throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.problem = objectMapper.writeValueAsString(
                Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + this.limit + " bytes"));
    }

    void register(@Observes Router router) {
        router.route().order(-3).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length)) {
                context.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(problem);
            } else {
                context.next();
            }
        });
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
