package se.basutbud.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import se.basutbud.BasutbudConfig;
import se.basutbud.web.problem.Problem;
import se.basutbud.web.problem.ProblemType;

/**
 * CORS, so that pages on the region's own sites can use the API from the browser. The public reads
 * (contact cards and their feed, the e-service catalogue, basutbud revisions, the service's info) answer
 * pages of the public origins, {@code *} by default, without credentials: a card widget anywhere can fetch a
 * card, read its ETag and revalidate it. Every other operation answers only pages of the configured
 * authenticated origins, none by default, which send a bearer token. A preflight that asks for anything
 * else is refused with a problem body, and a request from an origin not allowed gets no CORS headers, so
 * the browser withholds the answer from the page. Runs before every other route, card route included.
 */
@ApplicationScoped
class CrossOriginAccess {

    /** GET and HEAD of these paths need no token. */
    private static final Pattern PUBLIC_READS =
            Pattern.compile("/api/v1/(contact-cards|e-services|baselines)(/[^/]+)?|/api/v1/info");

    private static final String PUBLIC_EXPOSED = "ETag, Cache-Control, Link";
    private static final String ALL_EXPOSED = "ETag, Cache-Control, Link, Location, Retry-After, WWW-Authenticate";
    /** What a public page may send besides the CORS-safelisted headers: a revalidation. */
    private static final Set<String> PUBLIC_REQUEST_HEADERS =
            Set.of("if-none-match", "accept", "accept-language", "content-language");

    private static final String ALL_REQUEST_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, Accept";
    private static final String ALL_METHODS = "GET, HEAD, POST, PUT, DELETE";

    private final List<String> publicOrigins;
    private final boolean anyPublicOrigin;
    private final List<String> authenticatedOrigins;
    private final String maxAge;
    private final String refusal;

    CrossOriginAccess(BasutbudConfig config, ObjectMapper objectMapper) throws JsonProcessingException {
        this.publicOrigins = config.cors().publicOrigins();
        this.anyPublicOrigin = publicOrigins.contains("*");
        this.authenticatedOrigins = config.cors().authenticatedOrigins().orElse(List.of());
        this.maxAge = String.valueOf(config.cors().preflightMaxAge().toSeconds());
        this.refusal = objectMapper.writeValueAsString(
                Problem.of(ProblemType.FORBIDDEN, "This origin may not make this cross-origin request"));
    }

    void register(@Observes Router router) {
        router.route().order(-10).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (origin == null) {
            context.next();
            return;
        }
        String requestedMethod = request.getHeader("Access-Control-Request-Method");
        if (request.method() == HttpMethod.OPTIONS && requestedMethod != null) {
            preflight(context, origin, requestedMethod.strip().toUpperCase(Locale.ROOT));
            return;
        }
        HttpServerResponse response = context.response();
        if (isPublicRead(request.method().name(), request.path()) && isPublicOrigin(origin)) {
            allowPublic(response, origin);
        } else if (authenticatedOrigins.contains(origin)) {
            allowAuthenticated(response, origin);
        }
        context.next();
    }

    private void preflight(RoutingContext context, String origin, String method) {
        HttpServerResponse response = context.response();
        String path = context.request().path();
        String requestedHeaders = context.request().getHeader("Access-Control-Request-Headers");
        response.putHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        if (authenticatedOrigins.contains(origin)) {
            allowAuthenticated(response, origin);
            response.putHeader("Access-Control-Allow-Methods", ALL_METHODS)
                    .putHeader("Access-Control-Allow-Headers", ALL_REQUEST_HEADERS);
        } else if (isPublicRead(method, path) && isPublicOrigin(origin) && onlyPublicHeaders(requestedHeaders)) {
            allowPublic(response, origin);
            response.putHeader("Access-Control-Allow-Methods", "GET, HEAD")
                    .putHeader("Access-Control-Allow-Headers", "If-None-Match, Accept");
        } else {
            response.setStatusCode(403)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(refusal);
            return;
        }
        response.putHeader("Access-Control-Max-Age", maxAge).setStatusCode(204).end();
    }

    private void allowPublic(HttpServerResponse response, String origin) {
        if (anyPublicOrigin) {
            response.putHeader("Access-Control-Allow-Origin", "*");
        } else {
            response.putHeader("Access-Control-Allow-Origin", origin).headers().add("Vary", "Origin");
        }
        response.putHeader("Access-Control-Expose-Headers", PUBLIC_EXPOSED);
    }

    private static void allowAuthenticated(HttpServerResponse response, String origin) {
        response.putHeader("Access-Control-Allow-Origin", origin)
                .putHeader("Access-Control-Expose-Headers", ALL_EXPOSED)
                .headers()
                .add("Vary", "Origin");
    }

    static boolean isPublicRead(String method, String path) {
        return (method.equals("GET") || method.equals("HEAD"))
                && PUBLIC_READS.matcher(path).matches();
    }

    private boolean isPublicOrigin(String origin) {
        return anyPublicOrigin || publicOrigins.contains(origin);
    }

    private static boolean onlyPublicHeaders(String requestedHeaders) {
        if (requestedHeaders == null || requestedHeaders.isBlank()) {
            return true;
        }
        for (String header : requestedHeaders.split(",")) {
            if (!header.isBlank()
                    && !PUBLIC_REQUEST_HEADERS.contains(header.strip().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
