package se.basutbud.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import se.basutbud.support.Tokens;

/**
 * Slowloris: clients that trickle a request head are cut off 1 s (the test profile's head timeout) after its
 * first byte, with a 408 problem; nothing else is timed by it.
 */
@QuarkusTest
class RequestHeadDeadlineTest {

    private final ExecutorService tricklers = Executors.newCachedThreadPool();

    @AfterEach
    void stopTrickling() {
        tricklers.shutdownNow();
    }

    @Test
    void headsTrickledPastTheDeadlineAreCutOffWithARequestTimeoutProblem() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = connect();
                sockets.add(socket);
                answers.add(tricklers.submit(() -> trickleHead(socket)));
            }
            // Meanwhile the service answers everyone else.
            RestAssured.given().get("/api/v1/info").then().statusCode(200);

            for (Future<Answer> future : answers) {
                Answer answer = future.get(30, TimeUnit.SECONDS);
                assertTrue(answer.text().startsWith("HTTP/1.1 408 "), answer.text());
                assertTrue(answer.text().contains("Content-Type: application/problem+json"), answer.text());
                assertTrue(answer.text().contains("\"type\":\"/problems/request-timeout\""), answer.text());
                assertTrue(answer.text().contains("request line and header fields"), answer.text());
                // The whole answer was read: the service closed the connection after it.
                assertTrue(answer.millis() >= 900, "cut off after " + answer.millis() + " ms, before the deadline");
                assertTrue(answer.millis() < 10_000, "cut off after " + answer.millis() + " ms");
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void aConnectionKeptAliveBetweenRequestsIsNotCutOff() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(get("/api/v1/info"));
            out.flush();
            assertTrue(readAnswer(in).startsWith("HTTP/1.1 200 "));

            // Idle for longer than the head timeout (the idle timeout governs this, not the head deadline).
            Thread.sleep(2_000);

            out.write(get("/api/v1/info"));
            out.flush();
            assertTrue(readAnswer(in).startsWith("HTTP/1.1 200 "));
        }
    }

    @Test
    void aSecondHeadTrickledOnAKeptAliveConnectionIsCutOffToo() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(get("/api/v1/info"));
            socket.getOutputStream().flush();
            assertTrue(readAnswer(socket.getInputStream()).startsWith("HTTP/1.1 200 "));

            Answer answer = trickleHead(socket);

            assertTrue(answer.text().startsWith("HTTP/1.1 408 "), answer.text());
            assertTrue(answer.text().contains("\"type\":\"/problems/request-timeout\""), answer.text());
            assertTrue(answer.millis() < 10_000, "cut off after " + answer.millis() + " ms");
        }
    }

    @Test
    void aBodyArrivingSlowerThanTheHeadDeadlineIsTimedAsABodyOnly() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            byte[] body = "{\"code\": 1}".getBytes(StandardCharsets.US_ASCII);
            out.write(("POST /api/v1/e-services HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer " + Tokens.admin() + "\r\nContent-Length: " + body.length
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // 1.8 s for the body: past the 1 s head deadline, well within the 3 s body timeout.
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(1_800 / body.length);
            }
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
        }
    }

    private record Answer(String text, long millis) {}

    /** A request line and then a header field a byte every 100 ms, until the service answers or 20 s pass. */
    private Answer trickleHead(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        long start = System.nanoTime();
        out.write("GET /api/v1/info HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Future<byte[]> answer = tricklers.submit(() -> socket.getInputStream().readAllBytes());
        try {
            while (!answer.isDone() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20)) {
                out.write('a');
                out.flush();
                Thread.sleep(100);
            }
        } catch (IOException closedByTheService) {
            // The service closed the connection after answering: what is expected.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            byte[] bytes = answer.get(5, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new Answer(new String(bytes, StandardCharsets.UTF_8), millis);
        } catch (Exception e) {
            throw new AssertionError("no answer to a trickled head within 20 s", e);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        // Bounds the test, not the service.
        socket.setSoTimeout(25_000);
        return socket;
    }

    private static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One answer on a kept-alive connection: its head, and its body by Content-Length. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).strip());
            }
        }
        byte[] body = in.readNBytes(length);
        assertEquals(length, body.length);
        return text + new String(body, StandardCharsets.UTF_8);
    }
}
