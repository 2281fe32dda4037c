package se.basutbud.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import se.basutbud.support.TestIdentityProvider;

/**
 * The packaged service as an operating-system process, for what only a process can show: how it ends on
 * SIGTERM and SIGKILL. Production configuration, an identity provider made for the test, and the embedded
 * PostgreSQL unless QUARKUS_DATASOURCE_* variables name a server (the process inherits them).
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final TestIdentityProvider identityProvider =
            new TestIdentityProvider("https://idp.example.se/process-test");
    private final int port;
    private final Path log;
    private Process process;

    ServiceProcess() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = Files.createTempFile("basutbud-process-", ".log");
    }

    /** Starts the service and waits until it is ready. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dquarkus.http.port=" + port));
        identityProvider.productionSettings().forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited at start:\n" + Files.readString(log));
            }
            try {
                if (get("/q/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The service was not ready within 60 s:\n" + Files.readString(log));
    }

    /** A connection of the test's own to the service's database. */
    Connection database() throws SQLException {
        java.util.Map<String, String> settings = identityProvider.productionSettings();
        String url = System.getenv()
                .getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", settings.get("quarkus.datasource.jdbc.url"));
        String user = System.getenv()
                .getOrDefault("QUARKUS_DATASOURCE_USERNAME", settings.get("quarkus.datasource.username"));
        String password = System.getenv()
                .getOrDefault("QUARKUS_DATASOURCE_PASSWORD", settings.get("quarkus.datasource.password"));
        return DriverManager.getConnection(url, user, password);
    }

    String token(String role) {
        return identityProvider.token(role);
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM: the service is asked to stop. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: the service is gone at once. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    Process process() {
        return process;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
