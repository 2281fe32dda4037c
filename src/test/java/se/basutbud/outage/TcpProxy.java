package se.basutbud.outage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between the service and PostgreSQL that a test can cut (every connection reset, new ones
 * refused) and restore, to play a database outage without touching the database; or whose open connections
 * it can silence (bytes no longer forwarded, nothing closed or reset, new connections pass), as when a
 * firewall or NAT forgets them.
 */
final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** One flag per connection made so far: set, its bytes are dropped in both directions. */
    private final List<java.util.concurrent.atomic.AtomicBoolean> silenced = new CopyOnWriteArrayList<>();

    private volatile ServerSocket server;
    private volatile int port;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listen(0);
    }

    int port() {
        return port;
    }

    /** Resets every connection and stops listening: connecting is refused, as when the server is gone. */
    synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException alreadyClosed) {
                // Nothing left to reset.
            }
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Every connection open now stops carrying bytes, without being closed; new connections work. */
    void silenceOpenConnections() {
        silenced.forEach(flag -> flag.set(true));
    }

    /** Listens again on the same port. */
    synchronized void restore() throws IOException {
        listen(port);
    }

    private void listen(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        server = socket;
        port = socket.getLocalPort();
        Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                java.util.concurrent.atomic.AtomicBoolean silence = new java.util.concurrent.atomic.AtomicBoolean();
                silenced.add(silence);
                pipe(client, upstream, silence);
                pipe(upstream, client, silence);
            } catch (IOException e) {
                // Closed by cut(), or the upstream refused: the client sees its connection end.
            }
        }
    }

    private void pipe(Socket from, Socket to, java.util.concurrent.atomic.AtomicBoolean silence) {
        Thread thread = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        byte[] buffer = new byte[16_384];
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            if (!silence.get()) {
                                out.write(buffer, 0, read);
                                out.flush();
                            }
                        }
                    } catch (IOException e) {
                        // One side went away.
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "tcp-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
