package se.basutbud.unitsondate;

/**
 * When a unit is open, an offering in force and an exemption in force, written once for every read of units
 * on a date. Each rule is written for a period from {@code :first} to {@code :last} (both days included):
 * a row counts if it holds on some day of it, and for a single day both are that day. Periods are half-open
 * everywhere: a unit closes, an offering ends and an exemption lapses on the day named, not after it.
 * {@link UnitHistory} applies the same rules to one day in Java.
 */
public final class DateRules {

    private DateRules() {}

    /** Care unit {@code u}: opened (or no opening date) by the last day, not closed by the first. */
    public static String unitOpen(String first, String last) {
        return unitOpenBetween(":" + first, ":" + last);
    }

    /** Offering {@code o}: started by the last day, not ended by the first. */
    public static String offeringInForce(String first, String last) {
        return offeringInForceBetween(":" + first, ":" + last);
    }

    /** Exemption {@code x}: approved, started by the last day, not lapsed by the first. */
    public static String exemptionInForce(String first, String last) {
        return exemptionInForceBetween(":" + first, ":" + last);
    }

    /** As {@link #unitOpen}, for days given as SQL expressions (a column of a series of dates, say). */
    public static String unitOpenBetween(String first, String last) {
        return "(u.opened_on is null or u.opened_on <= " + last + ") and (u.closed_on is null or u.closed_on > " + first
                + ")";
    }

    /** As {@link #offeringInForce}, for days given as SQL expressions. */
    public static String offeringInForceBetween(String first, String last) {
        return "o.since <= " + last + " and (o.until is null or o.until > " + first + ")";
    }

    /** As {@link #exemptionInForce}, for days given as SQL expressions. Requested and rejected ones never count. */
    public static String exemptionInForceBetween(String first, String last) {
        return "x.status = 'APPROVED' and x.since <= " + last + " and (x.until is null or x.until > " + first + ")";
    }
}
