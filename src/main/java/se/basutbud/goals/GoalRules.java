package se.basutbud.goals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The pure rules of a goal's progress: which dates its history has, the projection, the status. */
final class GoalRules {

    /** How many of the latest monthly values the projection's line is fitted to. */
    static final int PROJECTION_POINTS = 12;

    /** Ten years of months: an older start is followed from ten years back. */
    static final int MAX_HISTORY_POINTS = 120;

    static final String PROJECTION_METHOD = "LEAST_SQUARES_LAST_12_MONTHS";

    /** A share may be within this of the target and still count as reaching it (rounding of the stored target). */
    private static final double EPSILON = 1e-9;

    private GoalRules() {}

    /** A value on a date; null when it cannot be measured then (no units, no revision in force, no figures). */
    record Point(LocalDate date, Double value) {}

    /**
     * Monthly dates ending today: today, a month before, … back to the first on or after {@code from}; today
     * alone when {@code from} is later.
     */
    static List<LocalDate> historyDates(LocalDate from, LocalDate today) {
        List<LocalDate> dates = new ArrayList<>();
        for (int months = 0; months < MAX_HISTORY_POINTS; months++) {
            LocalDate date = today.minusMonths(months);
            if (months > 0 && date.isBefore(from)) {
                break;
            }
            dates.add(0, date);
        }
        return dates;
    }

    /**
     * The least-squares line through the last {@link #PROJECTION_POINTS} measured values (days on the x-axis),
     * at the deadline, kept within 0..1; null with fewer than two values.
     */
    static Double projection(List<Point> history, LocalDate deadline) {
        List<Point> measured =
                history.stream().filter(point -> point.value() != null).toList();
        List<Point> last = measured.subList(Math.max(0, measured.size() - PROJECTION_POINTS), measured.size());
        if (last.size() < 2) {
            return null;
        }
        double meanX = last.stream()
                .mapToDouble(point -> point.date().toEpochDay())
                .average()
                .orElseThrow();
        double meanY = last.stream().mapToDouble(Point::value).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (Point point : last) {
            double dx = point.date().toEpochDay() - meanX;
            covariance += dx * (point.value() - meanY);
            variance += dx * dx;
        }
        double slope = covariance / variance;
        double atDeadline = meanY + slope * (deadline.toEpochDay() - meanX);
        return Math.max(0, Math.min(1, atDeadline));
    }

    /**
     * MISSED once the deadline has passed with the value on it below the target (and MET if it reached it);
     * before that MET when the value now reaches the target, ON_TRACK when the projection does, else AT_RISK.
     */
    static GoalStatus status(
            double target, LocalDate deadline, LocalDate today, Double now, Double onDeadline, Double projection) {
        if (today.isAfter(deadline)) {
            return reaches(onDeadline, target) ? GoalStatus.MET : GoalStatus.MISSED;
        }
        if (reaches(now, target)) {
            return GoalStatus.MET;
        }
        return reaches(projection, target) ? GoalStatus.ON_TRACK : GoalStatus.AT_RISK;
    }

    private static boolean reaches(Double value, double target) {
        return value != null && value >= target - EPSILON;
    }
}
