package se.basutbud.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * {@code X-Content-Type-Options: nosniff} on every answer of every route, errors included, so that no
 * browser reads a JSON or CSV answer (which may carry text from any caller) as HTML or script.
 */
@ApplicationScoped
class SecurityHeaders {

    void register(@Observes Router router) {
        router.route().order(-11).handler(context -> {
            context.response().putHeader("X-Content-Type-Options", "nosniff");
            context.next();
        });
    }
}
