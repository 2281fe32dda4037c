package se.basutbud.unitsondate;

import java.time.LocalDate;

import se.basutbud.careunit.UnitType;

/**
 * A unit over a period: when it was open, and the periods of its offerings and exemptions that touch the
 * period, so that it can be scored on many days after one read. Days are epoch days ({@link #day}); services
 * are ranks in the {@link ServiceCatalogue}'s code order. The date rules are those of {@link DateRules},
 * applied to one day.
 */
public record UnitHistory(
        UnitType unitType,
        int openedDay,
        int closedDay,
        int[] offeredServices,
        int[] offeredSince,
        int[] offeredUntil,
        int[] exemptedServices,
        int[] exemptedSince,
        int[] exemptedUntil) {

    /** A start that is no start: earlier than any day. */
    static final int NO_START = Integer.MIN_VALUE;
    /** An end that is no end: later than any day. */
    static final int NO_END = Integer.MAX_VALUE;

    public static int day(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }

    public boolean openOn(int day) {
        return openedDay <= day && day < closedDay;
    }

    /** Whether the {@code i}th offering is in force on the day. */
    public boolean offeredOn(int i, int day) {
        return offeredSince[i] <= day && day < offeredUntil[i];
    }

    /** Whether the {@code i}th exemption is in force on the day. */
    public boolean exemptedOn(int i, int day) {
        return exemptedSince[i] <= day && day < exemptedUntil[i];
    }
}
