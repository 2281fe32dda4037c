package se.basutbud.change;

import java.util.Set;

/**
 * Fired, inside the writing transaction, by every change that a unit's contact card or compliance may
 * show, so that stored cards and the caches of every replica stay in step with the data without the
 * writing feature depending on the features that read it.
 *
 * @param hsaIds the units whose answers may have changed; ignored when {@code allUnits}
 * @param allUnits whether any unit's answers may have changed (an e-service renamed, a revision published)
 * @param cardsAffected whether today's contact cards may show the change; a revision valid from a later
 *     date changes compliance on that date, not the cards of today (the daily refresh takes it up then)
 */
public record UnitsChanged(Set<String> hsaIds, boolean allUnits, boolean cardsAffected) {

    public static UnitsChanged unit(String hsaId) {
        return new UnitsChanged(Set.of(hsaId), false, true);
    }

    public static UnitsChanged all() {
        return new UnitsChanged(Set.of(), true, true);
    }

    /** Any unit's answers on some dates, but not today's contact cards. */
    public static UnitsChanged allButNotTodaysCards() {
        return new UnitsChanged(Set.of(), true, false);
    }
}
