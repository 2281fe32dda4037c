package se.basutbud.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The app's pages and scripts answer with a Content-Security-Policy that allows scripts and styles from this
 * service only (no inline script, no eval), connections to this service and the identity provider, and no
 * framing; with no referrer, so that the sign-in's code in the address never leaves the page; and to be
 * revalidated on every load, so that a new version of the app takes effect at once.
 */
@ApplicationScoped
class AppPageHeaders {

    private final String policy;

    AppPageHeaders(AppSettings settings) {
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "font-src 'self'; connect-src 'self'"
                + settings.issuerOrigin().map(origin -> " " + origin).orElse("")
                + "; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    static boolean isAppPath(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/app/");
    }

    void register(@Observes Router router) {
        router.route().order(-10).handler(context -> {
            String path = context.normalizedPath();
            if (isAppPath(path)) {
                context.response()
                        .putHeader("Content-Security-Policy", policy)
                        .putHeader("Referrer-Policy", "no-referrer")
                        .putHeader("X-Frame-Options", "DENY");
                if (!path.equals("/app/config")) {
                    context.response().putHeader("Cache-Control", "no-cache");
                }
            }
            context.next();
        });
    }
}
