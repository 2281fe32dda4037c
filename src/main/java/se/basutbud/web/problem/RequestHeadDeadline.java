package se.basutbud.web.problem;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.ext.web.Router;

import se.basutbud.BasutbudConfig;

/**
 * A request's line and header fields must arrive within {@code basutbud.http.head-timeout} of their first byte;
 * otherwise the client gets a 408 problem and the connection is closed. Without it, a client that trickles a
 * request head a byte at a time (slowloris) holds its connection for as long as it likes: the idle timeout only
 * bounds silence, and the body's deadline ({@link RequestLimits}) starts after the head.
 *
 * <p>Vert.x 4 has no such deadline and no hook into a connection before its first request, so this watches
 * the listening socket: each accepted connection gets a handler in front of everything Vert.x puts on it, which
 * sees the first bytes of each request, and the first route disarms it when the request's head has been parsed.
 * A connection idle between requests is not timed here (that is the idle timeout's job), nor are HTTP/2
 * connections. The listening socket is reached through a private field of Vert.x's server, which
 * {@code RequestHeadDeadlineTest} notices if an upgrade moves it.
 */
@ApplicationScoped
class RequestHeadDeadline {

    private static final Logger LOG = Logger.getLogger(RequestHeadDeadline.class);
    private static final String ACCEPTOR = "basutbud-head-deadline";
    private static final AttributeKey<Deadline> DEADLINE = AttributeKey.valueOf("basutbud.head-deadline");

    private final Vertx vertx;
    private final long timeoutMillis;
    private final byte[] answer;

    RequestHeadDeadline(Vertx vertx, BasutbudConfig config, ObjectMapper objectMapper) throws JsonProcessingException {
        this.vertx = vertx;
        this.timeoutMillis = config.http().headTimeout().toMillis();
        String problem = objectMapper.writeValueAsString(Problem.of(
                ProblemType.REQUEST_TIMEOUT,
                "The request line and header fields did not arrive within " + timeoutMillis / 1000
                        + (timeoutMillis / 1000 == 1 ? " second" : " seconds")));
        byte[] body = problem.getBytes(StandardCharsets.UTF_8);
        this.answer = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Problem.MEDIA_TYPE
                        + "\r\nContent-Length: " + body.length
                        + "\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
                        + problem)
                .getBytes(StandardCharsets.UTF_8);
    }

    void watch(@ObservesAsync HttpServerStart started) {
        for (TCPServerBase server : ((VertxInternal) vertx).sharedHttpServers().values()) {
            Channel listening = listeningChannel(server);
            if (listening == null) {
                continue;
            }
            // Dev mode restarts the application, not the server: the new settings replace the old.
            if (listening.pipeline().get(ACCEPTOR) == null) {
                listening.pipeline().addFirst(ACCEPTOR, new Acceptor());
            } else {
                listening.pipeline().replace(ACCEPTOR, ACCEPTOR, new Acceptor());
            }
        }
    }

    /**
     * Each request, its head parsed: the deadline is met; the connection's next request is timed from its first
     * byte once this one's answer has been sent.
     */
    void register(@Observes Router router) {
        router.route().order(-20).handler(context -> {
            Deadline deadline = context.request().connection() instanceof ConnectionBase connection
                    ? connection.channel().attr(DEADLINE).get()
                    : null;
            if (deadline != null) {
                deadline.headArrived();
                context.addEndHandler(ended -> deadline.answered());
            }
            context.next();
        });
    }

    /** The server's listening socket, once bound; null for a server that shares another's socket. */
    private static Channel listeningChannel(TCPServerBase server) {
        try {
            Field bindFuture = TCPServerBase.class.getDeclaredField("bindFuture");
            bindFuture.setAccessible(true);
            io.vertx.core.Future<?> bound = (io.vertx.core.Future<?>) bindFuture.get(server);
            return bound != null && bound.succeeded() ? (Channel) bound.result() : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Request heads are not timed: Vert.x's listening socket was not found (%s)", e.toString());
            return null;
        }
    }

    /** On the listening socket: gives each accepted connection its deadline, before Vert.x sets it up. */
    @ChannelHandler.Sharable
    private final class Acceptor extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object accepted) {
            if (accepted instanceof Channel connection) {
                Deadline deadline = new Deadline();
                connection.attr(DEADLINE).set(deadline);
                connection.pipeline().addLast(deadline);
            }
            context.fireChannelRead(accepted);
        }
    }

    /**
     * One connection's deadline, in front of everything Vert.x puts on it: armed by the first bytes of a request
     * that arrive while no other request is being answered, disarmed when the request reaches the routes (or
     * Vert.x answers it itself, a malformed one say). Its state is touched on the connection's event loop only.
     */
    private final class Deadline extends ChannelDuplexHandler {
        private ChannelHandlerContext context;
        private ScheduledFuture<?> timer;
        /** From a request's head parsed until its answer has been sent: bytes then are its body, or pipelined. */
        private boolean answering;
        /** The 408 sent: nothing read after it reaches Vert.x. */
        private boolean expired;

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            this.context = context;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (expired) {
                ReferenceCountUtil.release(message);
                return;
            }
            if (isHttp2(context)) {
                // Streams of HTTP/2 have no head to trickle in this sense; its own limits apply.
                disarm();
                context.pipeline().remove(this);
            } else if (timer == null && !answering && message instanceof ByteBuf bytes && bytes.isReadable()) {
                timer = context.executor().schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
            }
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            // An answer on its way: the head was read, by the routes or by Vert.x refusing it.
            disarm();
            context.write(message, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) throws Exception {
            disarm();
            super.channelInactive(context);
        }

        void headArrived() {
            onEventLoop(() -> {
                disarm();
                answering = true;
            });
        }

        void answered() {
            onEventLoop(() -> answering = false);
        }

        private void onEventLoop(Runnable task) {
            if (context.executor().inEventLoop()) {
                task.run();
            } else {
                context.executor().execute(task);
            }
        }

        private void disarm() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void expire() {
            timer = null;
            if (answering || expired || !context.channel().isActive() || isHttp2(context)) {
                return;
            }
            expired = true;
            if (context.pipeline().get(SslHandler.class) != null) {
                // Bytes written here would bypass the encryption.
                context.close();
            } else {
                context.writeAndFlush(Unpooled.wrappedBuffer(answer)).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    private static boolean isHttp2(ChannelHandlerContext context) {
        for (var entry : context.pipeline()) {
            if (entry.getValue() instanceof Http2ConnectionHandler) {
                return true;
            }
        }
        return false;
    }
}
