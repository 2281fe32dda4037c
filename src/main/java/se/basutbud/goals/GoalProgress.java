package se.basutbud.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import se.basutbud.careunit.UnitFilter;
import se.basutbud.compliance.ComplianceService;
import se.basutbud.coverage.CoverageService;

/**
 * A goal's progress, computed from history as the trend is: the metric on each month of the history (and on
 * the deadline once it has passed) in one read, then the rules of {@link GoalRules}.
 */
@ApplicationScoped
class GoalProgress {

    private final ComplianceService compliance;
    private final CoverageService coverage;

    GoalProgress(ComplianceService compliance, CoverageService coverage) {
        this.compliance = compliance;
        this.coverage = coverage;
    }

    GoalDto.Progress of(Goal goal, LocalDate today) {
        List<LocalDate> monthly = GoalRules.historyDates(goal.from, today);
        List<LocalDate> dates = new ArrayList<>(monthly);
        boolean passed = today.isAfter(goal.deadline);
        if (passed && !dates.contains(goal.deadline)) {
            dates.add(goal.deadline);
        }
        Map<LocalDate, Double> values = values(goal, dates);
        List<GoalRules.Point> history = monthly.stream()
                .map(date -> new GoalRules.Point(date, values.get(date)))
                .toList();
        Double now = values.get(today);
        Double projection = GoalRules.projection(history, goal.deadline);
        double target = goal.target.doubleValue();
        GoalStatus status = GoalRules.status(
                target, goal.deadline, today, now, passed ? values.get(goal.deadline) : null, projection);
        return new GoalDto.Progress(
                now,
                today,
                goal.target.stripTrailingZeros(),
                now == null
                        ? null
                        : BigDecimal.valueOf(target)
                                .subtract(BigDecimal.valueOf(now))
                                .doubleValue(),
                status,
                new GoalDto.Projection(projection, GoalRules.PROJECTION_METHOD),
                history.stream()
                        .map(point -> new GoalDto.Point(point.date(), point.value()))
                        .toList());
    }

    private Map<LocalDate, Double> values(Goal goal, List<LocalDate> dates) {
        UnitFilter scope = new UnitFilter(goal.unitTypes, goal.careProvider, goal.administration, goal.municipality);
        Map<LocalDate, Double> values = new HashMap<>();
        switch (goal.metric) {
            case SERVICE_COVERAGE, RESIDENT_COVERAGE ->
                coverage.coverageOn(goal.service.code, scope, dates)
                        .forEach(day -> values.put(
                                day.date(),
                                goal.metric == GoalMetric.SERVICE_COVERAGE
                                        ? day.unitCoverage()
                                        : day.residentCoverage()));
            case COMPLIANT_SHARE, AVERAGE_SCORE ->
                compliance
                        .onDates(dates, scope)
                        .forEach(day -> values.put(
                                day.date(),
                                goal.metric == GoalMetric.AVERAGE_SCORE
                                        ? day.averageScore()
                                        : day.compliant() == null || day.units() == 0
                                                ? null
                                                : (double) day.compliant() / day.units()));
        }
        return values;
    }
}
