package se.basutbud.compliance;

import java.time.LocalDate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.basutbud.BasutbudConfig;
import se.basutbud.TimeSource;
import se.basutbud.change.ChangeListener;
import se.basutbud.change.InvalidatingCache;

/**
 * Units' compliance today under the revision in force, as JSON (about 1 kB a unit rather than the answer's
 * objects), by unit, bounded by its bytes, evicted on every replica by every change of the unit and every
 * publication. Only today's answer is kept: other dates are what a caller chooses, so keeping them would let
 * one caller fill the memory; they are computed every time.
 */
@ApplicationScoped
class UnitComplianceCache {

    private final InvalidatingCache<String, TodaysAnswer> entries;
    private final ObjectMapper objectMapper;
    private final TimeSource time;

    UnitComplianceCache(ChangeListener listener, BasutbudConfig config, ObjectMapper objectMapper, TimeSource time) {
        this.entries = InvalidatingCache.byUnit(
                listener,
                config.compliance().cacheMegabytes() * 1024L * 1024L,
                (hsaId, answer) -> answer.json().length + hsaId.length() + 64);
        this.objectMapper = objectMapper;
        this.time = time;
    }

    /** An answer and the day it is the answer of; yesterday's is not today's. */
    private record TodaysAnswer(LocalDate day, byte[] json) {}

    /** The JSON, cached when {@code asOf} is today, else computed. {@code hsaId} is normalised. */
    byte[] get(String hsaId, LocalDate asOf, Supplier<ComplianceDtos.UnitCompliance> compute) {
        if (!asOf.equals(time.today())) {
            return json(compute.get());
        }
        return entries.get(
                        hsaId, answer -> answer.day().equals(asOf), () -> new TodaysAnswer(asOf, json(compute.get())))
                .json();
    }

    /** The cached JSON if this replica holds today's and can trust it, from memory only. */
    byte[] peek(String hsaId, LocalDate asOf) {
        TodaysAnswer answer = entries.peek(hsaId);
        return answer != null && answer.day().equals(asOf) ? answer.json() : null;
    }

    byte[] json(ComplianceDtos.UnitCompliance compliance) {
        try {
            return objectMapper.writeValueAsBytes(compliance);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A unit's compliance could not be written as JSON", e);
        }
    }
}
