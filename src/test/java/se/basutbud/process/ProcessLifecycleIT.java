package se.basutbud.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import se.basutbud.security.Roles;

/** How the packaged service ends: gracefully on SIGTERM, and without losing an acknowledged write on SIGKILL. */
class ProcessLifecycleIT {

    private static String organisation() {
        return "SE" + (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999L));
    }

    private static void awaitWaitingForLocks(Connection connection, int waiting) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int found = 0;
        while (System.nanoTime() < deadline) {
            try (PreparedStatement count = connection.prepareStatement(
                            "select count(*) from pg_stat_activity "
                                    + "where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()");
                    java.sql.ResultSet rows = count.executeQuery()) {
                rows.next();
                found = rows.getInt(1);
            }
            if (found >= waiting) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(found + " requests waited for the lock, not " + waiting);
    }

    @Test
    void onSigtermInFlightRequestsCompleteThenTheProcessExits() throws Exception {
        try (ServiceProcess service = new ServiceProcess()) {
            service.start();
            String admin = service.token(Roles.ADMIN);
            String org = organisation();
            for (int i = 0; i < 20; i++) {
                assertEquals(
                        201,
                        service.put(
                                        "/api/v1/care-units/" + org + "-" + i,
                                        admin,
                                        "{\"name\":\"Enhet " + i + "\",\"unitType\":\"PRIMARY_CARE\"}")
                                .statusCode());
            }
            // In flight for certain: each write waits for its unit's row lock, which this test holds, and
            // PostgreSQL says that four of them wait. Then SIGTERM, then the lock is released.
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<HttpResponse<String>>> inFlight = new ArrayList<>();
            try (Connection lock = service.database()) {
                lock.setAutoCommit(false);
                try (PreparedStatement units =
                        lock.prepareStatement("select id from care_unit where hsa_id like ? for update")) {
                    units.setString(1, org + "-%");
                    units.executeQuery().close();
                }
                for (int i = 0; i < 4; i++) {
                    String path = "/api/v1/care-units/" + org + "-" + i;
                    String body = "{\"name\":\"Enhet " + i + " omdöpt\",\"unitType\":\"PRIMARY_CARE\"}";
                    inFlight.add(clients.submit(() -> service.put(path, admin, body)));
                }
                try (Connection observer = service.database()) {
                    // Its own connection: within the locking transaction, pg_stat_activity would be one snapshot.
                    awaitWaitingForLocks(observer, 4);
                }
                assertTrue(inFlight.stream().noneMatch(Future::isDone), "the requests are in flight at SIGTERM");
                service.terminate();
                lock.rollback();
            }
            for (Future<HttpResponse<String>> request : inFlight) {
                HttpResponse<String> response = request.get(60, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
                assertTrue(response.body().contains("omdöpt"), response.body());
            }
            clients.shutdown();
            assertTrue(service.process().waitFor(30, TimeUnit.SECONDS), "the process exits after SIGTERM");
            assertTrue(service.log().contains("stopped in"), service.log());
            // A normal stop warns of nothing: operators watch for warnings such as lost change notifications.
            List<String> warnings = service.log()
                    .lines()
                    .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                    .toList();
            assertEquals(List.of(), warnings, service.log());
        }
    }

    @Test
    void aWriteAcknowledgedBeforeSigkillIsThereAfterARestart() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        String org = organisation();
        try (ServiceProcess service = new ServiceProcess()) {
            service.start();
            String admin = service.token(Roles.ADMIN);
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; writing.get(); i++) {
                        String hsaId = org + "-W" + writer + "N" + i;
                        try {
                            HttpResponse<String> response = service.put(
                                    "/api/v1/care-units/" + hsaId,
                                    admin,
                                    "{\"name\":\"Skrivning " + i + "\",\"unitType\":\"OTHER\"}");
                            if (response.statusCode() == 201) {
                                acknowledged.add(hsaId);
                            } else {
                                refusals.add(response.statusCode() + " " + response.body());
                            }
                        } catch (Exception killed) {
                            refusals.add(killed.toString());
                            return null;
                        }
                    }
                    return null;
                });
            }
            // Kill in the middle of the stream: once some writes are acknowledged, while others are on the wire.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < 25 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            service.kill();
            writing.set(false);
            writers.shutdown();
            writers.awaitTermination(30, TimeUnit.SECONDS);
            assertFalse(
                    acknowledged.isEmpty(),
                    "no write was acknowledged before the kill: "
                            + refusals.stream().limit(3).toList());

            service.start();
            String reader = service.token(Roles.ADMIN);
            for (String hsaId : acknowledged) {
                assertEquals(
                        200, service.get("/api/v1/care-units/" + hsaId, reader).statusCode(), hsaId);
                HttpResponse<String> audit = service.get("/api/v1/audit?entityType=CARE_UNIT&key=" + hsaId, reader);
                assertEquals(
                        1,
                        new com.fasterxml.jackson.databind.ObjectMapper()
                                .readTree(audit.body())
                                .get("total")
                                .asInt(),
                        hsaId + ": " + audit.body());
            }
        }
    }
}
