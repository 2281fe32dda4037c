package se.basutbud.web;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

import se.basutbud.BasutbudConfig;

/**
 * Decides, for every answer of every route, whether the HTTP server may compress it (gzip or deflate, as the
 * client's Accept-Encoding allows; quarkus.http.enable-compression): text answers (JSON, problems, CSV,
 * HTML) of at least {@code basutbud.compression.min-size} bytes or of unknown length (the streamed report),
 * with {@code Vary: Accept-Encoding} so that caches keep the variants apart. Anything else is marked
 * {@code identity}, which the server leaves as it is. An answer that set its own encoding (a contact card's
 * stored deflate bytes) is left alone.
 */
@ApplicationScoped
class ResponseCompression {

    static final Set<String> COMPRESSIBLE = Set.of(
            "application/json",
            "application/problem+json",
            "text/csv",
            "text/html",
            "text/plain",
            "text/css",
            "application/javascript",
            "text/javascript",
            "application/yaml");

    private final int minSize;

    ResponseCompression(BasutbudConfig config) {
        this.minSize = config.compression().minSize();
    }

    void register(@Observes Router router) {
        router.route().order(-9).handler(context -> {
            context.addHeadersEndHandler(ignored -> decide(context.response().headers()));
            context.next();
        });
    }

    private void decide(MultiMap headers) {
        String encoding = headers.get(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null) {
            if (!encoding.equalsIgnoreCase("identity")) {
                varyByEncoding(headers);
            }
            return;
        }
        if (compressible(headers.get(HttpHeaders.CONTENT_TYPE))
                && largeEnough(headers.get(HttpHeaders.CONTENT_LENGTH))) {
            varyByEncoding(headers);
        } else {
            headers.set(HttpHeaders.CONTENT_ENCODING, "identity");
        }
    }

    /** Adds Accept-Encoding to Vary unless a handler before already did. */
    static void varyByEncoding(MultiMap headers) {
        for (String vary : headers.getAll(HttpHeaders.VARY)) {
            if (vary.toLowerCase(Locale.ROOT).contains("accept-encoding")) {
                return;
            }
        }
        headers.add(HttpHeaders.VARY, "Accept-Encoding");
    }

    private static boolean compressible(String contentType) {
        return contentType != null
                && COMPRESSIBLE.contains(contentType.split(";")[0].strip().toLowerCase(Locale.ROOT));
    }

    private boolean largeEnough(String contentLength) {
        if (contentLength == null) {
            return true;
        }
        try {
            return Long.parseLong(contentLength.strip()) >= minSize;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
