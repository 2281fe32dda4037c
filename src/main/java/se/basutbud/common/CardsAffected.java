package se.basutbud.common;

import java.util.Set;

/**
 * Fired, inside the writing transaction, by every change that contact cards may show, so that cards stay
 * in step with the data without the writing feature depending on the contact card feature.
 *
 * @param hsaIds the units whose cards may have changed; ignored when {@code allUnits}
 * @param allUnits whether any unit's card may have changed (an e-service renamed, a revision published)
 */
public record CardsAffected(Set<String> hsaIds, boolean allUnits) {

    public static CardsAffected unit(String hsaId) {
        return new CardsAffected(Set.of(hsaId), false);
    }

    public static CardsAffected all() {
        return new CardsAffected(Set.of(), true);
    }
}
