package se.basutbud.security;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import se.basutbud.BasutbudConfig;
import se.basutbud.TimeSource;
import se.basutbud.web.problem.ApiException;

/**
 * Who may change the past. A start or end of an offering or exemption dated more than {@code
 * basutbud.back-dating-days} before today changes reports that management has already read: a unit editor may
 * correct the recent past (a late registration), an administrator any of it.
 */
@ApplicationScoped
public class BackDating {

    private final TimeSource time;
    private final Caller caller;
    private final int days;

    BackDating(TimeSource time, Caller caller, BasutbudConfig config) {
        this.time = time;
        this.caller = caller;
        this.days = config.backDatingDays();
    }

    /** The first day a unit editor may date a change on; an administrator may go further back. */
    public LocalDate earliestForEditors() {
        return time.today().minusDays(days);
    }

    /** A 403 unless the caller may make a change that takes effect on this day. */
    public void requireMayChangeFrom(LocalDate day, String what) {
        LocalDate earliest = earliestForEditors();
        if (day.isBefore(earliest) && !caller.isAdministrator()) {
            throw ApiException.forbidden(what + " on " + day + " is more than " + days
                    + " days back; only an administrator may change reports that far back");
        }
    }
}
