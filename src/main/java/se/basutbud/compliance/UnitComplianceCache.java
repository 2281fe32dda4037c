package se.basutbud.compliance;

import java.time.LocalDate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.basutbud.BasutbudConfig;
import se.basutbud.change.ChangeListener;
import se.basutbud.change.InvalidatingCache;

/**
 * Units' compliance under the revision in force, as JSON (about 1 kB a unit rather than the answer's
 * objects), evicted on every replica by every change of the unit and every publication.
 */
@ApplicationScoped
class UnitComplianceCache {

    private final InvalidatingCache<UnitOnDay, byte[]> entries;
    private final ObjectMapper objectMapper;

    UnitComplianceCache(ChangeListener listener, BasutbudConfig config, ObjectMapper objectMapper) {
        this.entries = new InvalidatingCache<>(listener, config.compliance().cacheSize(), UnitOnDay::hsaId);
        this.objectMapper = objectMapper;
    }

    private record UnitOnDay(String hsaId, LocalDate asOf) {}

    /** The cached JSON, or the computed answer's, kept. {@code hsaId} is normalised. */
    byte[] get(String hsaId, LocalDate asOf, Supplier<ComplianceDtos.UnitCompliance> compute) {
        return entries.get(new UnitOnDay(hsaId, asOf), () -> json(compute.get()));
    }

    /** The cached JSON if this replica holds it and can trust it, from memory only. */
    byte[] peek(String hsaId, LocalDate asOf) {
        return entries.peek(new UnitOnDay(hsaId, asOf));
    }

    byte[] json(ComplianceDtos.UnitCompliance compliance) {
        try {
            return objectMapper.writeValueAsBytes(compliance);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A unit's compliance could not be written as JSON", e);
        }
    }
}
