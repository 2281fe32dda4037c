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
}
