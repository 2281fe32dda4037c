package se.basutbud.compliance;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.farDate;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.publishBaseline;
import static se.basutbud.support.Api.request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import se.basutbud.security.Roles;
import se.basutbud.support.DependsOnTheDatabaseServer;
import se.basutbud.support.SmallSendBuffers;
import se.basutbud.support.Tokens;

/**
 * Clients that ask for the full report and then read nothing, over real sockets with small buffers (see
 * {@link SmallSendBuffers}), and a report of hundreds of units: far more than the buffers hold.
 */
@QuarkusTest
@TestProfile(DependsOnTheDatabaseServer.Profile.class)
@DependsOnTheDatabaseServer
// Last: its thousands of units would make every later test's daily card refresh longer.
@Order(Integer.MAX_VALUE)
class SlowReportReadersTest {

    private static final int UNITS = 3000;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    private final List<Socket> sockets = new ArrayList<>();
    /** One large region for the class: its thousands of units are loaded once. */
    private static String provider;

    private static LocalDate asOf;

    @BeforeEach
    void aLargeRegion() throws SQLException {
        synchronized (SlowReportReadersTest.class) {
            if (provider != null) {
                return;
            }
            String region = newCareProvider();
            LocalDate date = farDate();
            publishBaseline(date, Map.of("fornya-recept", List.of()));
            // Straight into the table, long names: a report of about a megabyte.
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("insert into care_unit (hsa_id, name, "
                            + "unit_type, care_provider) select ? || '-' || n, repeat('Vårdcentral ', 15) || n, "
                            + "'PRIMARY_CARE', ? from generate_series(1, ?) n")) {
                insert.setString(1, region);
                insert.setString(2, region);
                insert.setInt(3, UNITS);
                assertEquals(UNITS, insert.executeUpdate());
            }
            provider = region;
            asOf = date;
        }
    }

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void clientsThatNeverReadTheReportHoldNoDatabaseConnection() throws Exception {
        // More stalled readers than the pool has connections (16), each its own caller.
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stalled.add(askForTheReport(
                    Tokens.claims("slow-" + i, Roles.READER, Set.of()).sign()));
        }
        int sending = 0;
        for (Socket socket : stalled) {
            String status = statusLine(socket);
            if (status.contains(" 200 ")) {
                sending++;
            } else {
                // Two computed at a time; one waiting longer than 2 s (in tests) is told to come back.
                assertTrue(status.contains(" 503 "), status);
            }
        }
        assertTrue(sending > 0, "reports are on their way");
        // While they stall, nothing of this database waits in a transaction, and every call answers.
        assertEquals(0, transactionsLeftOpen());
        for (int i = 1; i <= 20; i++) {
            json().get("/api/v1/care-units/" + provider + "-" + i)
                    .then()
                    .statusCode(200)
                    .body("hsaId", equalTo(provider + "-" + i));
        }
        request().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aCallerHasAtMostTwoReportsInFilesSoThatReportsNobodyReadsCannotFillTheDisk() throws Exception {
        String token = Tokens.claims("hoarder", Roles.READER, Set.of()).sign();
        Socket first = askForTheReport(token);
        assertTrue(statusLine(first).contains(" 200 "));
        Socket second = askForTheReport(token);
        assertTrue(statusLine(second).contains(" 200 "));

        // Both stall with most of their report unsent, each in a file: a third is refused, not computed.
        String refused = new String(readAll(askForTheReport(token)), StandardCharsets.UTF_8);
        assertTrue(refused.startsWith("HTTP/1.1 503 "), refused);
        assertTrue(refused.contains("\"type\":\"/problems/busy\""), refused);
        assertTrue(refused.contains("2 full reports of yours are still being computed or sent"), refused);
        // Another caller is not held back by them.
        assertTrue(statusLine(askForTheReport(
                        Tokens.claims("patient", Roles.READER, Set.of()).sign()))
                .contains(" 200 "));

        // The client gives one download up: its file goes with the connection, and it may ask again.
        first.close();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        int status;
        do {
            status = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(root.toURI()
                                            .resolve("/api/v1/compliance?asOf=" + asOf + "&careProvider=" + provider))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "application/json")
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } while (status == 503 && System.nanoTime() < deadline);
        assertEquals(200, status, "the caller's slot came back when its client left");
    }

    @Test
    void aReportAnnouncesItsLengthSoThatACutOffAnswerIsKnownForOne() throws Exception {
        // Sent from its spooled file: uncompressed, not chunked but with a Content-Length, so a client whose
        // download is cut off (a dropped connection, the idle timeout of a client that stopped reading) sees
        // it got less; compressed, the gzip stream's own trailer shows it.
        java.net.http.HttpResponse<byte[]> answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(root.toURI()
                                        .resolve("/api/v1/compliance?asOf=" + asOf + "&careProvider=" + provider))
                                .header("Authorization", "Bearer " + Tokens.reader())
                                .header("Accept", "application/json")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode());
        assertTrue(
                answer.headers().firstValue("Transfer-Encoding").isEmpty(),
                answer.headers().toString());
        assertEquals(
                answer.body().length,
                answer.headers().firstValueAsLong("Content-Length").orElseThrow());
        assertTrue(
                new String(answer.body(), StandardCharsets.UTF_8)
                        .endsWith("\"nonCompliant\":" + UNITS + ",\"averageScore\":0.0}}"),
                "the whole report, summary last");
    }

    @Test
    void aPoolWithoutAFreeConnectionIsA503WithRetryAfterNeverA500() throws Exception {
        // Every connection of the service's pool taken, as stalled readers once took them: all but the one
        // the change listener holds.
        int poolSize = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class);
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize - 1; i++) {
                taken.add(dataSource.getConnection());
            }
            assertProblem(json().get("/api/v1/care-units/" + provider + "-1").then(), 503)
                    .header("Retry-After", "5")
                    .body("type", equalTo("/problems/unavailable"));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        json().get("/api/v1/care-units/" + provider + "-1").then().statusCode(200);
    }

    private Socket askForTheReport(String token) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(root.getHost(), root.getPort()));
        String get = "GET /api/v1/compliance?asOf=" + asOf + "&careProvider=" + provider + " HTTP/1.1\r\n" + "Host: "
                + root.getHost() + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\n\r\n";
        socket.getOutputStream().write(get.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The first line of the answer, read byte by byte: the rest stays unread. */
    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    /** Everything until the service closes the connection (or 30 s pass, which fails the test). */
    private static byte[] readAll(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = socket.getInputStream().read(buffer);
                    n != -1;
                    n = socket.getInputStream().read(buffer)) {
                all.write(buffer, 0, n);
                if (isCompleteProblem(all)) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The service kept the connection open", e);
        } catch (java.net.SocketException reset) {
            // Closed by the service while data was still unread: the end, as intended.
        }
        return all.toByteArray();
    }

    /** A 503 problem is answered whole and the connection kept: stop at the end of its body. */
    private static boolean isCompleteProblem(ByteArrayOutputStream received) {
        String text = received.toString(StandardCharsets.UTF_8);
        return text.startsWith("HTTP/1.1 503") && text.trim().endsWith("}");
    }

    private int transactionsLeftOpen() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from pg_stat_activity "
                        + "where datname = current_database() and state like 'idle in transaction%' "
                        + "and pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
