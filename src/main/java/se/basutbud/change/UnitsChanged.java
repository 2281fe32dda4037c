package se.basutbud.change;

import java.time.LocalDate;
import java.util.Set;

/**
 * Fired, inside the writing transaction, by every change that a unit's contact card or compliance may
 * show, so that stored cards and the caches of every replica stay in step with the data without the
 * writing feature depending on the features that read it.
 *
 * @param hsaIds the units whose answers may have changed; ignored when {@code allUnits}
 * @param allUnits whether any unit's answers may have changed (an e-service renamed, a revision published)
 * @param cardsFrom the first day contact cards may show the change: null for today (cards are recomputed
 *     now); a later date for a revision valid from then, which changes compliance on its dates at once but
 *     cards only from that day (they are marked to be recomputed then)
 */
public record UnitsChanged(Set<String> hsaIds, boolean allUnits, LocalDate cardsFrom) {

    public static UnitsChanged unit(String hsaId) {
        return new UnitsChanged(Set.of(hsaId), false, null);
    }

    public static UnitsChanged units(Set<String> hsaIds) {
        return new UnitsChanged(Set.copyOf(hsaIds), false, null);
    }

    public static UnitsChanged all() {
        return new UnitsChanged(Set.of(), true, null);
    }

    /** Any unit's answers on dates from this one, including its contact card from that day. */
    public static UnitsChanged allFrom(LocalDate day) {
        return new UnitsChanged(Set.of(), true, day);
    }
}
