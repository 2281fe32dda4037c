package se.basutbud.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import se.basutbud.TimeSource;
import se.basutbud.audit.AuditLog;
import se.basutbud.change.UnitsChanged;
import se.basutbud.imports.source.ImportFileException;
import se.basutbud.imports.source.ImportFiles;
import se.basutbud.imports.source.ImportFormat;

/**
 * Runs one job: counts the file's records (which also finds a file that cannot be read), then, in one
 * transaction under a lock that lets one import run at a time across replicas, reads every row, plans against the
 * data as it is, and writes, or for a dry run or a file with errors writes nothing. Readers never see half an
 * import, and a replica that dies mid-import leaves nothing behind.
 */
@ApplicationScoped
class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    /** pg_advisory_xact_lock key of imports: one at a time, whichever replica runs it. */
    private static final long IMPORT_LOCK = 0x62617375_696d706fL;

    private final EntityManager entityManager;
    private final ImportSettings settings;
    private final Validator validator;
    private final ObjectMapper objectMapper;
    private final AuditLog audit;
    private final Event<UnitsChanged> unitsChanged;
    private final TimeSource time;

    ImportRunner(
            EntityManager entityManager,
            ImportSettings settings,
            Validator validator,
            ObjectMapper objectMapper,
            AuditLog audit,
            Event<UnitsChanged> unitsChanged,
            TimeSource time) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.audit = audit;
        this.unitsChanged = unitsChanged;
        this.time = time;
    }

    private Importer importerFor(ImportKind kind) {
        return switch (kind) {
            case CARE_UNITS -> new CareUnitImporter(validator, settings, objectMapper, audit);
            case OFFERINGS -> new OfferingImporter(audit);
            case EXEMPTIONS -> new ExemptionImporter(audit);
            case LISTED_RESIDENTS -> new ResidentsImporter(audit);
        };
    }

    void run(ImportRun run, ImportFormat format, Path file) {
        try {
            int started = QuarkusTransaction.requiringNew()
                    .call(() -> update(
                            "update import_job set status = 'RUNNING', started_at = ? where id = ? and status = 'QUEUED'",
                            Timestamp.from(time.now()),
                            run.jobId));
            if (started == 0) {
                // Failed by another replica while it waited here (its heart had stopped): nothing to do.
                return;
            }
            int total = count(file, format);
            QuarkusTransaction.requiringNew()
                    .run(() -> update("update import_job set rows_total = ? where id = ?", total, run.jobId));
            Importer importer = importerFor(run.kind);
            boolean succeeded = QuarkusTransaction.requiringNew()
                    .timeout((int) settings.transactionTimeout().toSeconds())
                    .call(() -> importInOneTransaction(run, importer, format, file));
            if (!succeeded) {
                finish(run, ImportStatus.FAILED);
            }
        } catch (RowsUnreadable e) {
            run.fileError(e.getCause().line(), e.getCause().getMessage());
            finish(run, ImportStatus.FAILED);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %d failed", run.jobId);
            run.fileError(
                    null,
                    "The import failed inside the service; nothing was written. Try again, or tell"
                            + " the service's operators (import " + run.jobId + ")");
            finish(run, ImportStatus.FAILED);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf(e, "Could not delete the file of import %d", run.jobId);
            }
        }
    }

    private int count(Path file, ImportFormat format) {
        int[] total = {0};
        readRows(file, format, row -> total[0]++);
        return total[0];
    }

    private boolean importInOneTransaction(ImportRun run, Importer importer, ImportFormat format, Path file) {
        Session session = entityManager.unwrap(Session.class);
        session.doWork(connection -> {
            waitForTheImportLock(connection);
            readRows(file, format, row -> {
                ParsedRow parsed = new ParsedRow(row, importer.aliases(), importer.ownNames(), run);
                if (run.rows == 0 && format == ImportFormat.CSV) {
                    requireColumns(importer, parsed);
                }
                run.rows++;
                importer.row(parsed, run);
                run.rowsRead.incrementAndGet();
            });
            if (run.rows == 0) {
                run.fileError(null, "The file has no rows to import");
                return;
            }
            // Planned even with row errors, so that the job lists every error the file has, not only the first kind.
            try (ChangeLog changes = new ChangeLog(connection, run.jobId, this::json)) {
                run.logChangesTo(changes);
                importer.plan(connection, run);
            }
        });
        if (run.hasErrors()) {
            QuarkusTransaction.setRollbackOnly();
            return false;
        }
        if (!run.dryRun) {
            session.doWork(connection -> importer.apply(connection, run));
            if (!run.changedUnits().isEmpty()) {
                unitsChanged.fire(UnitsChanged.units(run.changedUnits()));
            }
        }
        if (finishIn(run, ImportStatus.SUCCEEDED) == 0) {
            // Another replica has marked the job failed (its heart stalled): it must then have written nothing.
            QuarkusTransaction.setRollbackOnly();
            LOG.warnf("Import %d was marked failed by another replica; its writes are rolled back", run.jobId);
        }
        return true;
    }

    /** A CSV's header must name the required columns; without them every row would be an error. */
    private static void requireColumns(Importer importer, ParsedRow first) throws ImportFileException {
        for (String field : importer.requiredFields()) {
            if (!first.has(field)) {
                String names = importer.aliases().entrySet().stream()
                        .filter(alias -> alias.getValue().equals(field))
                        .map(java.util.Map.Entry::getKey)
                        .sorted()
                        .collect(java.util.stream.Collectors.joining(" or "));
                throw new ImportFileException(1, "The header has no column " + field + " (" + names + ")");
            }
        }
    }

    /**
     * Another replica's import may hold the lock for minutes; asked again every half second rather than waited
     * for in one statement, which the connection's socket timeout would cut.
     */
    private static void waitForTheImportLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, IMPORT_LOCK);
            while (true) {
                try (var locked = lock.executeQuery()) {
                    locked.next();
                    if (locked.getBoolean(1)) {
                        return;
                    }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("Interrupted while waiting for another import to finish", e);
                }
            }
        }
    }

    private void readRows(Path file, ImportFormat format, ImportFiles.RowHandler handler) {
        try {
            ImportFiles.read(file, format, settings.maxFileSize(), handler);
        } catch (ImportFileException e) {
            throw new RowsUnreadable(e);
        } catch (ImportFiles.UnzippedTooLarge e) {
            throw new RowsUnreadable(new ImportFileException(null, e.getMessage()));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RowsUnreadable(new ImportFileException(null, "The file is not UTF-8"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finish(ImportRun run, ImportStatus status) {
        QuarkusTransaction.requiringNew().run(() -> finishIn(run, status));
    }

    /** Ends a running job; answers 0 if it was no longer running (another replica failed it). */
    private int finishIn(ImportRun run, ImportStatus status) {
        return update(
                "update import_job set status = ?, finished_at = ?, rows_read = ?, summary = ?::jsonb,"
                        + " errors = ?::jsonb, error_count = ?, ignored_columns = ?::jsonb where id = ?"
                        + " and status = 'RUNNING'",
                status.name(),
                Timestamp.from(time.now()),
                run.rowsRead.get(),
                json(run.summary()),
                json(run.errors()),
                run.errorCount(),
                json(run.ignoredColumns()),
                run.jobId);
    }

    private int update(String sql, Object... values) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        return query.executeUpdate();
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An import's record could not be written as JSON", e);
        }
    }

    /** The file cannot be read as a whole; carried out of the row callbacks. */
    private static final class RowsUnreadable extends RuntimeException {
        RowsUnreadable(ImportFileException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        @Override
        public synchronized ImportFileException getCause() {
            return (ImportFileException) super.getCause();
        }
    }
}
