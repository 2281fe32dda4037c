package se.basutbud.contactcard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import se.basutbud.common.BasutbudConfig;

/**
 * The 1177 page view's path: a card this replica holds is answered straight from the HTTP route, before
 * the REST layer, with the same headers {@link ContactCardResource} sends (a third of a card answer's
 * work was the REST layer's routing and writing, bench/RESULTS.md). Anything else, a card not held, a
 * malformed HSA-id, is passed on to the resource, which reads the database or answers the problem.
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
            ContactCardService.Card card;
            try {
                card = service.cachedCard(context.pathParam("hsaId"));
            } catch (RuntimeException notAnHsaId) {
                card = null;
            }
            if (card == null) {
                context.next();
                return;
            }
            HttpServerResponse response = context.response()
                    .putHeader(HttpHeaders.ETAG, card.etag())
                    .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
            if (ContactCardResource.matches(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), card.etag())) {
                response.setStatusCode(304).end();
            } else {
                response.putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON).end(Buffer.buffer(card.json()));
            }
        });
    }
}
