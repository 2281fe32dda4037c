package se.basutbud.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pure rules of a goal's progress, on constructed histories. */
class GoalRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    @Test
    void historyIsMonthlyEndingTodayBackToTheFirstDateOnOrAfterFrom() {
        assertEquals(
                List.of(
                        LocalDate.of(2025, 12, 31),
                        LocalDate.of(2026, 1, 31),
                        LocalDate.of(2026, 2, 28),
                        LocalDate.of(2026, 3, 31)),
                GoalRules.historyDates(LocalDate.of(2025, 12, 15), TODAY));
        assertEquals(
                LocalDate.of(2025, 12, 31),
                GoalRules.historyDates(LocalDate.of(2025, 12, 31), TODAY).get(0),
                "from itself when it is on the grid");
        assertEquals(List.of(TODAY), GoalRules.historyDates(TODAY.plusDays(10), TODAY), "a start still to come");
        assertEquals(
                GoalRules.MAX_HISTORY_POINTS,
                GoalRules.historyDates(LocalDate.of(1990, 1, 1), TODAY).size(),
                "at most ten years of months");
    }

    @Test
    void projectionIsTheLeastSquaresLineThroughTheLastTwelveMonthsAtTheDeadline() {
        // A straight line rising 0.01 a day: the projection continues it exactly.
        List<GoalRules.Point> line = new ArrayList<>();
        for (int day = 0; day <= 40; day += 10) {
            line.add(new GoalRules.Point(TODAY.minusDays(40 - day), 0.2 + 0.01 * day));
        }
        assertEquals(0.2 + 0.01 * 60, GoalRules.projection(line, TODAY.plusDays(20)), 1e-9);

        // Points scattered around a line: slope and intercept by least squares, computed here by hand.
        List<GoalRules.Point> scattered = List.of(
                new GoalRules.Point(TODAY.minusDays(20), 0.30),
                new GoalRules.Point(TODAY.minusDays(10), 0.50),
                new GoalRules.Point(TODAY, 0.40));
        // x = -20, -10, 0 (mean -10); y mean 0.4; slope = ((-10)(-0.1) + 0 + 10(0)) / (100 + 0 + 100) = 0.005.
        assertEquals(0.4 + 0.005 * (30 + 10), GoalRules.projection(scattered, TODAY.plusDays(30)), 1e-9);
    }

    @Test
    void projectionUsesOnlyTheLastTwelveMeasuredValuesAndStaysWithinZeroAndOne() {
        List<GoalRules.Point> history = new ArrayList<>();
        // Twelve old months at 0.9 must not count: only the last twelve, flat at 0.5.
        for (int month = 24; month > 12; month--) {
            history.add(new GoalRules.Point(TODAY.minusMonths(month), 0.9));
        }
        for (int month = 12; month >= 1; month--) {
            history.add(new GoalRules.Point(TODAY.minusMonths(month), 0.5));
        }
        history.add(new GoalRules.Point(TODAY, null));
        assertEquals(0.5, GoalRules.projection(history, TODAY.plusYears(1)), 1e-9, "unmeasured months are skipped");

        List<GoalRules.Point> steep =
                List.of(new GoalRules.Point(TODAY.minusMonths(1), 0.5), new GoalRules.Point(TODAY, 0.9));
        assertEquals(1.0, GoalRules.projection(steep, TODAY.plusYears(2)));
        List<GoalRules.Point> falling =
                List.of(new GoalRules.Point(TODAY.minusMonths(1), 0.5), new GoalRules.Point(TODAY, 0.1));
        assertEquals(0.0, GoalRules.projection(falling, TODAY.plusYears(2)));
        assertNull(GoalRules.projection(List.of(new GoalRules.Point(TODAY, 0.4)), TODAY.plusYears(1)));
        assertNull(GoalRules.projection(List.of(), TODAY.plusYears(1)));
    }

    @Test
    void statusFollowsTheValueTheProjectionAndTheDeadline() {
        LocalDate deadline = TODAY.plusMonths(6);
        assertEquals(GoalStatus.MET, GoalRules.status(0.9, deadline, TODAY, 0.9, null, 0.2), "reached now");
        assertEquals(GoalStatus.ON_TRACK, GoalRules.status(0.9, deadline, TODAY, 0.6, null, 0.95));
        assertEquals(GoalStatus.AT_RISK, GoalRules.status(0.9, deadline, TODAY, 0.6, null, 0.85));
        assertEquals(GoalStatus.AT_RISK, GoalRules.status(0.9, deadline, TODAY, null, null, null), "nothing measured");
        assertEquals(GoalStatus.AT_RISK, GoalRules.status(0.9, deadline, TODAY, 0.6, null, null), "no projection");
        assertEquals(GoalStatus.MET, GoalRules.status(0.9, TODAY, TODAY, 0.95, null, null), "the deadline is today");

        LocalDate passed = TODAY.minusDays(1);
        assertEquals(GoalStatus.MISSED, GoalRules.status(0.9, passed, TODAY, 0.95, 0.8, 1.0), "missed stays missed");
        assertEquals(GoalStatus.MET, GoalRules.status(0.9, passed, TODAY, 0.5, 0.9, 0.1), "met on the deadline");
        assertEquals(GoalStatus.MISSED, GoalRules.status(0.9, passed, TODAY, 0.95, null, 1.0), "unmeasured then");
    }
}
