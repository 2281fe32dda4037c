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
        CompressedCard current = stored.card();
        return new CardVersions(
                current, stored.next() == null ? null : stored.next().card().sharingBytesOf(current));
    }

    /** These versions, each sharing the deflated bytes of one of the former versions that has the same. */
    CardVersions sharingBytesOf(CardVersions former) {
        return new CardVersions(shared(current, former), next == null ? null : shared(next, former));
    }

    private static CompressedCard shared(CompressedCard card, CardVersions former) {
        return card.sharingBytesOf(former.current()).sharingBytesOf(former.next());
    }
}
