package se.basutbud.contactcard;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import se.basutbud.BasutbudConfig;

/**
 * The 1177 page view's path: every card is answered straight from the HTTP route, before the REST layer, with
 * the same headers and bytes as {@link ContactCardResource}, as both write a {@link CardAnswer}, because the
 * REST layer's routing and writing were a large part of a card answer's work (bench/RESULTS-notes.md). A card
 * this replica holds is answered on the I/O thread; one it does not is read (or computed) on a worker thread,
 * so that right after a bulk load, when every reader misses, the path is the one already hot rather than the
 * REST layer's, which the JIT compiler had to compile then. What is not a card, a malformed HSA-id, an HSA-id
 * of no open unit or a failed read, is passed on to the resource, which answers the problem.
 */
@ApplicationScoped
class CachedCardRoute {

    /** The routing context's key for the outcome of a read the resource is to answer: see {@link Handed}. */
    static final String HANDED = CachedCardRoute.class.getName() + ".handed";

    private final ContactCardService service;
    private final String cacheControl;

    CachedCardRoute(ContactCardService service, BasutbudConfig config) {
        this.service = service;
        this.cacheControl = ContactCardResource.cacheControl(config);
    }

    /**
     * What the route read before handing the request on: no card ({@code failure} null), or the read's failure,
     * so that the resource answers it as a problem without reading again (during an outage a second attempt
     * would double the wait).
     */
    record Handed(Throwable failure) {}

    void register(@Observes Router router) {
        router.get("/api/v1/contact-cards/:hsaId").order(-1).handler(context -> {
            String hsaId = context.pathParam("hsaId");
            CompressedCard card;
            try {
                card = service.cachedCard(hsaId);
            } catch (RuntimeException notAnHsaId) {
                context.next();
                return;
            }
            if (card != null) {
                answer(context, card);
                return;
            }
            context.vertx()
                    .executeBlocking(() -> service.card(hsaId), false)
                    .onComplete(read -> answerRead(context, read));
        });
    }

    private void answerRead(RoutingContext context, AsyncResult<Optional<CompressedCard>> read) {
        if (context.response().closed()) {
            return;
        }
        if (read.succeeded() && read.result().isPresent()) {
            answer(context, read.result().get());
            return;
        }
        context.put(HANDED, new Handed(read.cause()));
        context.next();
    }

    private void answer(RoutingContext context, CompressedCard card) {
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
    }
}
