package se.basutbud.web.problem;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;

/**
 * Refuses a request whose path or query holds a NUL character ({@code %00}) with a 400 problem, before any
 * route: no text of the catalogue can contain one, and PostgreSQL refuses it in text, which made such a
 * request a 500 wherever the text reached a query.
 */
@ApplicationScoped
class NulCharacterGuard {

    private final String problem;

    NulCharacterGuard(ObjectMapper objectMapper) throws JsonProcessingException {
        this.problem = objectMapper.writeValueAsString(
                Problem.of(ProblemType.VALIDATION, "The request's path or query contains a NUL character"));
    }

    void register(@Observes Router router) {
        router.route().order(-12).handler(context -> {
            String uri = context.request().uri();
            if (uri.indexOf('\0') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%00")) {
                context.response()
                        .setStatusCode(400)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end(problem);
            } else {
                context.next();
            }
        });
    }
}
