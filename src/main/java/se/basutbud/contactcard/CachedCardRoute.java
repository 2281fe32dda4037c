package se.basutbud.contactcard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;

import se.basutbud.BasutbudConfig;

/**
 * The 1177 page view's path: a card this replica holds is answered straight from the HTTP route, before
 * the REST layer, with the same headers and bytes as {@link ContactCardResource}, as both write a
 * {@link CardAnswer}, because the REST layer's routing and writing were a large part of a card answer's work
 * (bench/RESULTS-notes.md). Anything else, a card not held, a malformed HSA-id, is passed on to the resource,
 * which reads the database or answers the problem.
 */
@ApplicationScoped
class CachedCardRoute {

    private final ContactCardService service;
    private final String cacheControl;

    CachedCardRoute(ContactCardService service, BasutbudConfig config) {
        this.service = service;
        this.cacheControl = ContactCardResource.cacheControl(config);
    }

    void register(@Observes Router router) {
        router.get("/api/v1/contact-cards/:hsaId").order(-1).handler(context -> {
            CompressedCard card;
            try {
                card = service.cachedCard(context.pathParam("hsaId"));
            } catch (RuntimeException notAnHsaId) {
                card = null;
            }
            if (card == null) {
                context.next();
                return;
            }
            CardAnswer answer = CardAnswer.of(
                    card,
                    context.request().getHeader(HttpHeaders.IF_NONE_MATCH),
                    context.request().getHeader(HttpHeaders.ACCEPT_ENCODING),
                    context.request().version() == HttpVersion.HTTP_2,
                    cacheControl);
            HttpServerResponse response = context.response().setStatusCode(answer.status());
            answer.headers().forEach(response::putHeader);
            if (answer.body() == null) {
                response.end();
            } else {
                response.end(Buffer.buffer(answer.body()));
            }
        });
    }
}
