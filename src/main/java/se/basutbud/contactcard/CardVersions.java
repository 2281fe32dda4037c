package se.basutbud.contactcard;

import java.time.LocalDate;

/**
 * A unit's card as a replica holds it: the one stored now and, if prepared, the one for the day it expires,
 * so that at midnight the replica switches to it from memory.
 */
record CardVersions(CompressedCard current, CompressedCard next) {

    /** The version that is right on the day (possibly "no card"), or null if neither is. */
    CompressedCard on(LocalDate day) {
        if (current.validOn(day)) {
            return current;
        }
        return next != null && next.validOn(day) ? next : null;
    }

    /**
     * A stored card and the one prepared after it; a prepared card with the same bytes (most cards on the eve
     * of a revision that changes only some) shares the current one's deflated bytes, which halves what a
     * replica holds then.
     */
    static CardVersions of(ContactCardStore.StoredCard stored) {
        CompressedCard current = compressed(stored);
        ContactCardStore.StoredCard next = stored.next();
        if (next == null) {
            return new CardVersions(current, null);
        }
        boolean sameBytes =
                !stored.removed() && !next.removed() && stored.body().equals(next.body());
        return new CardVersions(
                current, sameBytes ? current.withValidity(next.validFrom(), next.validUntil()) : compressed(next));
    }

    private static CompressedCard compressed(ContactCardStore.StoredCard stored) {
        return stored.removed()
                ? CompressedCard.none(stored.validFrom(), stored.validUntil())
                : CompressedCard.of(stored.body(), stored.contentHash(), stored.validFrom(), stored.validUntil());
    }
}
