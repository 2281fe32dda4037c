package se.basutbud.change;

import java.util.Set;

/**
 * Fired, inside the writing transaction, by every change that a unit's contact card or compliance may
 * show, so that stored cards and the caches of every replica stay in step with the data without the
 * writing feature depending on the features that read it.
 *
 * @param hsaIds the units whose answers may have changed; ignored when {@code allUnits}
 * @param allUnits whether any unit's answers may have changed (an e-service renamed, a revision published)
 */
public record UnitsChanged(Set<String> hsaIds, boolean allUnits) {

    public static UnitsChanged unit(String hsaId) {
        return new UnitsChanged(Set.of(hsaId), false);
    }

    public static UnitsChanged all() {
        return new UnitsChanged(Set.of(), true);
    }
}
