package se.basutbud.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

import se.basutbud.TimeSource;
import se.basutbud.db.JdbcBatch;
import se.basutbud.db.OptionalConditions;
import se.basutbud.security.Caller;
import se.basutbud.web.Page;
import se.basutbud.web.PageRequest;

/**
 * Records every successful write: who, when, what, and the values before and after. It joins the writing
 * transaction (and refuses to run without one), so a rolled-back write leaves no row and a row never
 * lacks its change.
 */
@ApplicationScoped
public class AuditLog {

    public enum EntityType {
        E_SERVICE,
        CARE_UNIT,
        BASELINE,
        BASELINE_REQUIREMENT,
        OFFERING,
        EXEMPTION,
        LISTED_RESIDENTS,
        GOAL
    }

    public enum Action {
        CREATE,
        UPDATE,
        DELETE,
        PUBLISH
    }

    /** What to look for in the trail; null means any. {@code to} is exclusive. */
    public record Filter(EntityType entityType, String key, String actor, Instant from, Instant to, Long importId) {}

    private final Caller caller;
    private final TimeSource time;
    private final ObjectMapper objectMapper;

    AuditLog(Caller caller, TimeSource time, ObjectMapper objectMapper) {
        this.caller = caller;
        this.time = time;
        this.objectMapper = objectMapper;
    }

    /** @param before the entity as it was (null when created); @param after as it is now (null when deleted) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EntityType type, String key, Action action, Object before, Object after) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = time.now();
        event.actor = caller.subject();
        event.entityType = type;
        event.entityKey = key;
        event.action = action;
        event.before = json(before);
        event.after = json(after);
        event.persist();
    }

    /** One change of an import, for {@link ImportTrail}. */
    public record Entry(EntityType type, String key, Action action, Object before, Object after) {}

    /**
     * Records an import's changes on the connection of its transaction, in batches as they are made: at a
     * region's scale an import changes tens of thousands of rows, too many to persist (or hold) one entity at a
     * time. Close it to send the last batch.
     */
    public ImportTrail importTrail(Connection connection, String actor, long importId) throws SQLException {
        return new ImportTrail(connection, actor, importId);
    }

    /** An import's audit rows, written as they come. */
    public final class ImportTrail implements AutoCloseable {
        private final PreparedStatement insert;
        private final JdbcBatch batch;
        private final Timestamp at = Timestamp.from(time.now());
        private final String actor;
        private final long importId;

        private ImportTrail(Connection connection, String actor, long importId) throws SQLException {
            this.actor = actor;
            this.importId = importId;
            this.insert = connection.prepareStatement("insert into audit_event (occurred_at, actor, entity_type,"
                    + " entity_key, action, before, after, import_id) values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)");
            this.batch = new JdbcBatch(insert);
        }

        public void add(Entry entry) throws SQLException {
            insert.setTimestamp(1, at);
            insert.setString(2, actor);
            insert.setString(3, entry.type().name());
            insert.setString(4, entry.key());
            insert.setString(5, entry.action().name());
            insert.setString(6, json(entry.before()));
            insert.setString(7, json(entry.after()));
            insert.setLong(8, importId);
            batch.add();
        }

        @Override
        public void close() throws SQLException {
            try {
                batch.finish();
            } finally {
                insert.close();
            }
        }
    }

    /** The trail, newest first. */
    @Transactional
    public Page<AuditEntryDto> search(Filter filter, PageRequest request) {
        OptionalConditions conditions = new OptionalConditions()
                .add("entityType = :entityType", "entityType", filter.entityType())
                .add("entityKey = :entityKey", "entityKey", filter.key())
                .add("actor = :actor", "actor", filter.actor())
                .add("occurredAt >= :from", "from", filter.from())
                .add("occurredAt < :to", "to", filter.to())
                .add("importId = :importId", "importId", filter.importId());
        return Page.of(
                AuditEvent.find(conditions.query(), Sort.descending("occurredAt", "id"), conditions.params()),
                request,
                AuditEntryDto::of);
    }

    /** The subject the current write is recorded under. */
    public String actor() {
        return caller.subject();
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audited value could not be written as JSON", e);
        }
    }
}
