package se.basutbud.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import se.basutbud.TimeSource;
import se.basutbud.imports.source.ImportFormat;
import se.basutbud.security.BackDating;
import se.basutbud.security.Caller;
import se.basutbud.web.Page;
import se.basutbud.web.PageRequest;
import se.basutbud.web.problem.ApiException;
import se.basutbud.web.problem.ProblemType;

/**
 * Accepts files, keeps their jobs, and runs them in the background one at a time per replica. A job's record is
 * in the database, so any replica answers for it; the replica that runs it beats its heart, and every replica
 * marks failed the unfinished jobs whose heart has stopped (their replica died, and their transaction with it).
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    private static final String CARE_PROVIDER_PATTERN = "^[A-Za-z0-9-]{1,64}$";

    private final ImportRunner runner;
    private final ImportSettings settings;
    private final TimeSource time;
    private final Caller caller;
    private final BackDating backDating;
    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "basutbud-import");
        thread.setDaemon(true);
        return thread;
    });
    /** The jobs this replica holds, queued or running, whose heart it beats. */
    private final Map<Long, Held> held = new ConcurrentHashMap<>();

    /** A job this replica holds, and its file. */
    private record Held(ImportRun run, Path file) {}
    /** Set when the service stops: the database may already be out of reach. */
    private volatile boolean stopping;

    ImportJobs(
            ImportRunner runner,
            ImportSettings settings,
            TimeSource time,
            Caller caller,
            BackDating backDating,
            EntityManager entityManager,
            ObjectMapper objectMapper) {
        this.runner = runner;
        this.settings = settings;
        this.time = time;
        this.caller = caller;
        this.backDating = backDating;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    /** The request's choices, checked before the file is read. */
    public record Submission(
            ImportKind kind,
            String contentType,
            boolean dryRun,
            ImportMode mode,
            String careProvider,
            boolean allowMassClose) {}

    /** Takes the file, records the job and queues it: the answer comes before the file is read. */
    public ImportDtos.Job submit(Submission submission, InputStream body) {
        ImportFormat format = ImportFormat.of(submission.contentType())
                .filter(f ->
                        submission.kind() == ImportKind.CARE_UNITS || f == ImportFormat.CSV || f == ImportFormat.NDJSON)
                .orElseThrow(() -> new ApiException(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        submission.kind() == ImportKind.CARE_UNITS
                                ? "Care units are imported as text/csv, application/x-ndjson, application/xml (HSA"
                                        + " FileService) or application/zip holding one such file"
                                : "Offerings, exemptions and listed residents are imported as text/csv or"
                                        + " application/x-ndjson"));
        String careProvider =
                submission.careProvider() == null || submission.careProvider().isBlank()
                        ? null
                        : submission.careProvider().strip().toUpperCase(Locale.ROOT);
        if (careProvider != null && !careProvider.matches(CARE_PROVIDER_PATTERN)) {
            throw ApiException.badRequest("careProvider", "must be ASCII letters, digits and hyphens");
        }
        if (submission.mode() == ImportMode.FULL && submission.kind() == ImportKind.LISTED_RESIDENTS) {
            throw ApiException.badRequest(
                    "mode", "listed residents are only added or replaced: a figure is history, never closed");
        }
        if (submission.mode() == ImportMode.FULL && careProvider == null) {
            throw ApiException.badRequest(
                    "careProvider", "is required with mode=full: the care provider whose complete list the file is");
        }
        if (careProvider != null) {
            caller.requireMayEdit(careProvider);
        }
        Actor actor = new Actor(
                caller.subject(), caller.isAdministrator(), caller.organisations(), backDating.earliestForEditors());
        Path file = receive(body);
        ImportRun run;
        try {
            run = QuarkusTransaction.requiringNew().call(() -> {
                ImportJob job = new ImportJob();
                job.kind = submission.kind();
                job.mode = submission.mode();
                job.dryRun = submission.dryRun();
                job.careProvider = careProvider;
                job.allowMassClose = submission.allowMassClose();
                job.mediaType = format.mediaType();
                job.status = ImportStatus.QUEUED;
                job.submittedBy = actor.subject();
                job.submittedAt = time.now();
                job.heartbeatAt = job.submittedAt;
                job.importDate = time.today();
                job.persistAndFlush();
                return new ImportRun(
                        job.id,
                        job.kind,
                        job.mode,
                        job.dryRun,
                        careProvider,
                        job.allowMassClose,
                        job.importDate,
                        actor,
                        job.submittedAt);
            });
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        ImportDtos.Job queued = QuarkusTransaction.requiringNew().call(() -> get(run.jobId));
        held.put(run.jobId, new Held(run, file));
        executor.submit(() -> {
            try {
                runner.run(run, format, file);
            } catch (Throwable e) {
                LOG.errorf(e, "Import %d could not be run", run.jobId);
            } finally {
                held.remove(run.jobId);
            }
        });
        return queued;
    }

    /** Spools the body to a file of its own, refusing it past the limit (a body of unannounced length included). */
    private Path receive(InputStream body) {
        Path file = null;
        try {
            file = Files.createTempFile("basutbud-import", ".upload");
            long limit = settings.maxFileSize();
            long written = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = body.read(buffer)) >= 0) {
                    written += read;
                    if (written > limit) {
                        throw new ApiException(
                                ProblemType.PAYLOAD_TOO_LARGE, "The file is larger than " + limit + " bytes");
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (written == 0) {
                throw ApiException.badRequest("body", "the file is empty");
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new IllegalStateException("The file could not be received", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete a received file", e);
            }
        }
    }

    @Transactional
    public ImportDtos.Job get(long id) {
        ImportJob job = ImportJob.<ImportJob>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("No import with id " + id));
        return dto(job);
    }

    @Transactional
    public Page<ImportDtos.Job> list(PageRequest request, String submittedBy) {
        Sort newestFirst = Sort.descending("submittedAt", "id");
        return Page.of(
                submittedBy == null
                        ? ImportJob.<ImportJob>findAll(newestFirst)
                        : ImportJob.<ImportJob>find("submittedBy", newestFirst, submittedBy),
                request,
                this::dto);
    }

    @Transactional
    public Page<ImportDtos.Change> changes(long id, PageRequest request) {
        get(id);
        long total = ((Number) entityManager
                        .createNativeQuery("select count(*) from import_change where import_id = ?1")
                        .setParameter(1, id)
                        .getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select line, key, action, cast(fields as text) from import_change"
                        + " where import_id = ?1 order by seq offset ?2 limit ?3")
                .setParameter(1, id)
                .setParameter(2, (long) request.page() * request.size())
                .setParameter(3, request.size())
                .getResultList();
        List<ImportDtos.Change> items = rows.stream()
                .map(row -> new ImportDtos.Change(
                        row[0] == null ? null : ((Number) row[0]).intValue(),
                        (String) row[1],
                        ChangeAction.valueOf((String) row[2]),
                        read((String) row[3], new TypeReference<Map<String, ImportDtos.FieldChange>>() {})))
                .toList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    private ImportDtos.Job dto(ImportJob job) {
        return new ImportDtos.Job(
                job.id,
                job.kind,
                job.mode,
                job.dryRun,
                job.careProvider,
                job.allowMassClose,
                job.mediaType,
                job.status,
                job.submittedBy,
                job.submittedAt,
                job.startedAt,
                job.finishedAt,
                new ImportDtos.Progress(job.rowsRead, job.rowsTotal),
                job.summary == null ? null : read(job.summary, new TypeReference<ImportDtos.Summary>() {}),
                read(job.errors, new TypeReference<List<ImportDtos.RowError>>() {}),
                job.errorCount,
                read(job.ignoredColumns, new TypeReference<List<String>>() {}));
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An import's stored record could not be read", e);
        }
    }

    /** Tells the others this replica still runs (or has queued) its jobs, and how far they have read. */
    @Scheduled(every = "${basutbud.imports.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        if (held.isEmpty() || stopping) {
            return;
        }
        Timestamp now = Timestamp.from(time.now());
        QuarkusTransaction.requiringNew()
                .run(() -> held.values().stream().map(Held::run).forEach(run -> entityManager
                        .createNativeQuery(
                                "update import_job set heartbeat_at = ?1, rows_read = greatest(rows_read, ?2)"
                                        + " where id = ?3 and status in ('QUEUED', 'RUNNING')")
                        .setParameter(1, now)
                        .setParameter(2, run.rowsRead.get())
                        .setParameter(3, run.jobId)
                        .executeUpdate()));
    }

    /** Ends the jobs whose replica has stopped beating their heart: it died, and their writes with it. */
    @Scheduled(every = "${basutbud.imports.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void failAbandoned() {
        if (stopping) {
            return;
        }
        Timestamp now = Timestamp.from(time.now());
        Timestamp staleBefore = Timestamp.from(time.now().minus(settings.staleAfter()));
        String error = json(List.of(new ImportDtos.RowError(
                null,
                null,
                null,
                "The replica running the import stopped before it finished; nothing was written. Submit the file"
                        + " again")));
        int failed = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery(
                        "update import_job set status = 'FAILED', finished_at = ?1, errors = cast(?2 as jsonb),"
                                + " error_count = 1 where status in ('QUEUED', 'RUNNING') and heartbeat_at < ?3")
                .setParameter(1, now)
                .setParameter(2, error)
                .setParameter(3, staleBefore)
                .executeUpdate());
        if (failed > 0) {
            LOG.warnf("%d import(s) ended as failed: their replica stopped beating their heart", failed);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A replica that stops interrupts its jobs; their transactions roll back, and the others mark them failed
     * once their heart has stopped.
     */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
        executor.shutdownNow();
        // Queued jobs never start now: their files go (a running one's file goes when its run ends, or now).
        held.values().forEach(job -> delete(job.file()));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
