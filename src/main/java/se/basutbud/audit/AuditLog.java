package se.basutbud.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import se.basutbud.common.Caller;
import se.basutbud.common.Page;
import se.basutbud.common.PageRequest;
import se.basutbud.common.TimeSource;

/**
 * Records every successful write: who, when, what, and the values before and after. It joins the writing
 * transaction (and refuses to run without one), so a rolled-back write leaves no row and a row never
 * lacks its change.
 */
@ApplicationScoped
public class AuditLog {

    public enum EntityType {
        E_SERVICE, CARE_UNIT, BASELINE, BASELINE_REQUIREMENT, OFFERING, EXEMPTION
    }

    public enum Action {
        CREATE, UPDATE, DELETE, PUBLISH
    }

    /** What to look for in the trail; null means any. {@code to} is exclusive. */
    public record Filter(EntityType entityType, String key, String actor, Instant from, Instant to) {
    }

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
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        addCondition(conditions, params, "entityType", filter.entityType(), "=");
        addCondition(conditions, params, "entityKey", filter.key(), "=");
        addCondition(conditions, params, "actor", filter.actor(), "=");
        addCondition(conditions, params, "occurredAt", filter.from(), ">=");
        if (filter.to() != null) {
            conditions.add("occurredAt < :before");
            params.put("before", filter.to());
        }
        Sort newestFirst = Sort.descending("occurredAt", "id");
        PanacheQuery<AuditEvent> found = conditions.isEmpty() ? AuditEvent.findAll(newestFirst)
                : AuditEvent.find(String.join(" and ", conditions), newestFirst, params);
        return new Page<>(found.page(request.page(), request.size()).list().stream().map(AuditEntryDto::of).toList(),
                request.page(), request.size(), found.count());
    }

    private static void addCondition(List<String> conditions, Map<String, Object> params, String field, Object value,
            String operator) {
        if (value != null) {
            conditions.add(field + " " + operator + " :" + field);
            params.put(field, value);
        }
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
