package se.basutbud.support;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The tests' service sends through small socket buffers, so that a client that does not read stalls the
 * service after tens of kilobytes, not after the megabytes Linux would otherwise buffer on loopback: a
 * slow-reader test then needs a report of hundreds of units, not of a whole country.
 */
@ApplicationScoped
public class SmallSendBuffers implements HttpServerOptionsCustomizer {

    public static final int BYTES = 8 * 1024;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setSendBufferSize(BYTES);
    }
}
