package se.basutbud.web.problem;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import se.basutbud.BasutbudConfig;

/**
 * The sizes and times of a request the service accepts, each refused with a problem body before any other
 * route: a path and query over {@code basutbud.http.max-url-length} (414), header fields over {@code
 * basutbud.http.max-header-size} (431), a body announced larger than {@code basutbud.http.max-body-size}, or
 * {@code basutbud.imports.max-file-size} for an import's file (413; a body of unannounced length that grows past
 * it is refused while it is read, by {@link ProblemMappers}), and a body
 * not received within {@code basutbud.http.body-timeout} of its headers (408, then the connection is closed).
 *
 * <p>The HTTP layer's own limits ({@code quarkus.http.limits.max-initial-line-length} and {@code
 * max-header-size}) are set well above these, so that a request between the two gets a problem body here; one
 * beyond them is cut by the HTTP layer with an empty answer.
 */
@ApplicationScoped
class RequestLimits {

    private final Vertx vertx;
    private final int maxUrlLength;
    private final int maxHeaderSize;
    private final long maxBodySize;
    private final long maxFileSize;
    /** The key of the 413 for a file, whose detail names the imports' limit. */
    private static final Object FILE_TOO_LARGE = new Object();
    /** The key of the 408 for a file, which may take longer to arrive than a request body. */
    private static final Object UPLOAD_TIMEOUT = new Object();

    private final long bodyTimeoutMillis;
    private final long uploadTimeoutMillis;
    private final Map<Object, String> problems;

    RequestLimits(Vertx vertx, BasutbudConfig config, ObjectMapper objectMapper) throws JsonProcessingException {
        this.vertx = vertx;
        this.maxUrlLength = config.http().maxUrlLength();
        this.maxHeaderSize = config.http().maxHeaderSize();
        this.maxBodySize = config.http().maxBodySize().asLongValue();
        this.maxFileSize = config.imports().maxFileSize().asLongValue();
        this.bodyTimeoutMillis = config.http().bodyTimeout().toMillis();
        this.uploadTimeoutMillis = config.imports().uploadTimeout().toMillis();
        this.problems = Map.of(
                ProblemType.URI_TOO_LONG,
                json(
                        objectMapper,
                        ProblemType.URI_TOO_LONG,
                        "The path and query are longer than " + maxUrlLength + " bytes"),
                ProblemType.HEADER_FIELDS_TOO_LARGE,
                json(
                        objectMapper,
                        ProblemType.HEADER_FIELDS_TOO_LARGE,
                        "The header fields are larger than " + maxHeaderSize + " bytes"),
                ProblemType.PAYLOAD_TOO_LARGE,
                json(
                        objectMapper,
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + this.maxBodySize + " bytes"),
                FILE_TOO_LARGE,
                json(
                        objectMapper,
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The file is larger than " + this.maxFileSize + " bytes"),
                ProblemType.REQUEST_TIMEOUT,
                json(
                        objectMapper,
                        ProblemType.REQUEST_TIMEOUT,
                        "The request body did not arrive within " + bodyTimeoutMillis / 1000 + " seconds"),
                UPLOAD_TIMEOUT,
                json(
                        objectMapper,
                        ProblemType.REQUEST_TIMEOUT,
                        "The file did not arrive within " + uploadTimeoutMillis / 1000 + " seconds"));
    }

    private static String json(ObjectMapper objectMapper, ProblemType type, String detail)
            throws JsonProcessingException {
        return objectMapper.writeValueAsString(Problem.of(type, detail));
    }

    void register(@Observes Router router) {
        // Before every other route, Quarkus's own empty 413 (order -2) included.
        router.route().order(-13).handler(this::check);
        // After Quarkus's limit (order -2), which is the imports' and which it hands on for a body of unannounced
        // length; before the REST layer, which refuses such a body once it grows past the limit handed on.
        router.route().order(-1).handler(context -> {
            if (!isFileUpload(context.request()) && context.get(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY) != null) {
                context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, maxBodySize);
            }
            context.next();
        });
    }

    /** Imports take files up to {@code basutbud.imports.max-file-size}; every other request 1 MiB. */
    private static boolean isFileUpload(HttpServerRequest request) {
        return request.method() == io.vertx.core.http.HttpMethod.POST
                && request.path().startsWith(IMPORTS);
    }

    private static final String IMPORTS = "/api/v1/imports/";

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUrlLength) {
            refuse(context, ProblemType.URI_TOO_LONG);
        } else if (headerSize(request) > maxHeaderSize) {
            refuse(context, ProblemType.HEADER_FIELDS_TOO_LARGE);
        } else if (isFileUpload(request) && announcedLength(request) > maxFileSize) {
            refuse(context, FILE_TOO_LARGE);
        } else if (!isFileUpload(request) && announcedLength(request) > maxBodySize) {
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE);
        } else {
            if (hasBody(request) && !request.isEnded()) {
                watchBody(context);
            }
            context.next();
        }
    }

    /**
     * A client that starts a body and trickles it, or stops, would hold the connection until the idle timeout.
     * Only the body's arrival is timed, not the answer: a request whose body has arrived may take as long as
     * its operation does.
     */
    private void watchBody(RoutingContext context) {
        long timer = vertx.setTimer(isFileUpload(context.request()) ? uploadTimeoutMillis : bodyTimeoutMillis, id -> {
            if (!context.request().isEnded() && !context.response().headWritten()) {
                refuse(context, isFileUpload(context.request()) ? UPLOAD_TIMEOUT : ProblemType.REQUEST_TIMEOUT);
            }
        });
        context.addEndHandler(ended -> vertx.cancelTimer(timer));
    }

    /**
     * Answers the problem, telling the client the connection ends with it: the rest of the request is not
     * read. A body that stopped arriving would never end the request, so that connection is closed here.
     */
    private void refuse(RoutingContext context, Object refusal) {
        ProblemType type = refusal instanceof ProblemType problem
                ? problem
                : refusal == UPLOAD_TIMEOUT ? ProblemType.REQUEST_TIMEOUT : ProblemType.PAYLOAD_TOO_LARGE;
        var answered = context.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(problems.get(refusal));
        if (type == ProblemType.REQUEST_TIMEOUT) {
            answered.onComplete(done -> context.request().connection().close());
        }
    }

    private static int headerSize(HttpServerRequest request) {
        int size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static boolean hasBody(HttpServerRequest request) {
        return announcedLength(request) > 0 || request.headers().contains("Transfer-Encoding", "chunked", true);
    }

    private static long announcedLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
