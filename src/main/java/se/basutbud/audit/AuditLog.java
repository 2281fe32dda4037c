package se.basutbud.audit;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

import se.basutbud.TimeSource;
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
        EXEMPTION
    }

    public enum Action {
        CREATE,
        UPDATE,
        DELETE,
        PUBLISH
    }

    /** What to look for in the trail; null means any. {@code to} is exclusive. */
    public record Filter(EntityType entityType, String key, String actor, Instant from, Instant to) {}

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

    /** The trail, newest first. */
    @Transactional
    public Page<AuditEntryDto> search(Filter filter, PageRequest request) {
        OptionalConditions conditions = new OptionalConditions()
                .add("entityType = :entityType", "entityType", filter.entityType())
                .add("entityKey = :entityKey", "entityKey", filter.key())
                .add("actor = :actor", "actor", filter.actor())
                .add("occurredAt >= :from", "from", filter.from())
                .add("occurredAt < :to", "to", filter.to());
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
