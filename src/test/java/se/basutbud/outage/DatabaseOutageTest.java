package se.basutbud.outage;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.assertProblem;
import static se.basutbud.support.Api.json;
import static se.basutbud.support.Api.newCareProvider;
import static se.basutbud.support.Api.request;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import se.basutbud.db.local.LocalPostgres;
import se.basutbud.support.DependsOnTheDatabaseServer;

/** PostgreSQL goes away and comes back, through a proxy the test cuts and restores. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindAProxy.class)
@DependsOnTheDatabaseServer
class DatabaseOutageTest {

    static TcpProxy proxy;
    /** The database itself, not through the proxy: where another replica writes. */
    static String directUrl;

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedDatabase.class));
        }
    }

    public static class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String server = DependsOnTheDatabaseServer.Profile.serverUrl();
            String url = server != null ? server : LocalPostgres.jdbcUrl();
            directUrl = url;
            URI target = URI.create(url.substring("jdbc:".length()));
            try {
                proxy = new TcpProxy(target.getHost(), target.getPort());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getRawPath()
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            Map<String, String> settings = new java.util.HashMap<>(
                    server != null ? DependsOnTheDatabaseServer.Profile.settings(server) : Map.of());
            settings.put("quarkus.datasource.jdbc.url", proxied);
            return settings;
        }

        @Override
        public void stop() {
            try {
                proxy.close();
            } catch (java.io.IOException e) {
                // The proxy dies with the test JVM anyway.
            }
        }
    }

    @Test
    void theServiceSaysItIsUnavailableWithoutHangingAndRecoversByItself() throws Exception {
        String outageUnit = newCareProvider() + "-OUTAGE";
        request().get("/q/health/ready").then().statusCode(200);
        json().get("/api/v1/e-services/fornya-recept").then().statusCode(200);
        assertTrue(ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class)
                .contains(":" + proxy.port() + "/"));

        proxy.cut();
        long start = System.nanoTime();
        assertProblem(json().get("/api/v1/e-services/fornya-recept").then(), 503)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        assertAnsweredWithinFiveSeconds(start);
        start = System.nanoTime();
        assertProblem(
                json().body(Map.of("name", "Under avbrott", "unitType", "OTHER"))
                        .put("/api/v1/care-units/" + outageUnit)
                        .then(),
                503);
        assertAnsweredWithinFiveSeconds(start);
        start = System.nanoTime();
        assertProblem(request().get("/api/v1/contact-cards").then(), 503);
        assertAnsweredWithinFiveSeconds(start);
        // A card this replica does not hold: read once, and the failure answered as a problem.
        start = System.nanoTime();
        assertProblem(request().get("/api/v1/contact-cards/" + outageUnit).then(), 503);
        assertAnsweredWithinFiveSeconds(start);

        awaitStatus("/q/health/ready", 503, Duration.ofSeconds(10));
        request().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        proxy.restore();
        awaitStatus("/q/health/ready", 200, Duration.ofSeconds(20));
        json().get("/api/v1/e-services/fornya-recept").then().statusCode(200);
        json().body(Map.of("name", "Efter avbrott", "unitType", "OTHER"))
                .put("/api/v1/care-units/" + outageUnit)
                .then()
                .statusCode(201)
                .body("name", equalTo("Efter avbrott"));
    }

    private static void assertAnsweredWithinFiveSeconds(long startNanos) {
        Duration answered = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(answered.compareTo(Duration.ofSeconds(5)) < 0, "answered after " + answered);
    }

    private static void awaitStatus(String path, int status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = request().get(path).then().extract().statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " answered " + last + ", not " + status + ", for " + within);
    }
}
