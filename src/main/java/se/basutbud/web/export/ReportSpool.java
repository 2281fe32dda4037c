package se.basutbud.web.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.ext.web.RoutingContext;

import se.basutbud.BasutbudConfig;
import se.basutbud.web.problem.ApiException;
import se.basutbud.web.problem.ProblemType;

/**
 * Full reports are computed into a file of their own and sent from it by the HTTP server, so that the
 * database is done with a report (its connection, transaction and cursor) before the first byte goes to the
 * client, however slowly the client reads, and no thread or memory waits on a slow client either. A few are
 * computed at once per replica, one at a time per caller, and a replica holds a bounded number of them in files
 * (in all and per caller) until their answers are over, so that clients who start reports and read none cannot
 * fill its disk. The answer carries its Content-Length, so a client whose download is cut off (by the idle
 * timeout, for a client that stops reading) knows it got less.
 */
@ApplicationScoped
public class ReportSpool {

    private static final Logger LOG = Logger.getLogger(ReportSpool.class);
    private static final int BUFFER = 64 * 1024;

    /** Writes a report. */
    public interface Report {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Semaphore computing;
    private final long waitMillis;
    /** The callers with a report being computed. */
    private final Set<String> computingFor = ConcurrentHashMap.newKeySet();

    private final int maxSpooled;
    private final int maxSpooledPerCaller;
    /** Reports in files now, in all and by caller: from their computing until their answer is over. */
    private int spooled;

    private final Map<String, Integer> spooledFor = new HashMap<>();

    ReportSpool(BasutbudConfig config) {
        this.computing = new Semaphore(config.compliance().concurrentReports(), true);
        this.waitMillis = config.compliance().reportWait().toMillis();
        this.maxSpooled = config.compliance().maxSpooledReports();
        this.maxSpooledPerCaller = config.compliance().maxSpooledReportsPerCaller();
    }

    /**
     * Computes the report into a file and answers the file, deleted once the answer is over; a 503 problem
     * when the caller already has one computing or every slot stays busy.
     */
    public Path spool(String caller, Report report, RoutingContext routing) {
        String tooMany = reserveFile(caller);
        if (tooMany != null) {
            throw busy(tooMany);
        }
        boolean handedOver = false;
        try {
            Path file = computeInto(caller, report, routing);
            // However the answer ends (sent, failed, the connection gone), the file goes; the server keeps
            // it open while it sends it, so it may leave the directory as soon as the answer is under way.
            routing.addEndHandler(ended -> {
                delete(file);
                releaseFile(caller);
            });
            handedOver = true;
            return file;
        } finally {
            if (!handedOver) {
                releaseFile(caller);
            }
        }
    }

    /** Why the caller may not have another report in a file now, or null if it may (and now has). */
    private synchronized String reserveFile(String caller) {
        int callers = spooledFor.getOrDefault(caller, 0);
        if (callers >= maxSpooledPerCaller) {
            return callers + " full reports of yours are still being computed or sent";
        }
        if (spooled >= maxSpooled) {
            return "This replica is sending " + spooled + " full reports";
        }
        spooled++;
        spooledFor.put(caller, callers + 1);
        return null;
    }

    private synchronized void releaseFile(String caller) {
        spooled--;
        spooledFor.computeIfPresent(caller, (id, count) -> count == 1 ? null : count - 1);
    }

    private Path computeInto(String caller, Report report, RoutingContext routing) {
        if (!computingFor.add(caller)) {
            throw busy("A full report of yours is being computed");
        }
        try {
            if (!computing.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw busy("Every full report slot of this replica is computing");
            }
            try {
                Path file = Files.createTempFile("basutbud-report-", ".part");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
                    report.writeTo(out);
                } catch (IOException | RuntimeException | Error e) {
                    Files.deleteIfExists(file);
                    throw e;
                }
                if (routing.response().closed()) {
                    // The client left while it was computed: nobody to send it to.
                    delete(file);
                    throw new ApiException(ProblemType.BUSY, "The client left before its report was ready");
                }
                return file;
            } finally {
                computing.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("The report was interrupted");
        } finally {
            computingFor.remove(caller);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("A spooled report could not be deleted: %s", e.getMessage());
        }
    }

    private static ApiException busy(String detail) {
        return new ApiException(ProblemType.BUSY, detail + "; try again in a little while");
    }
}
