package se.basutbud.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.careunit.UnitType;

/** A goal as answered: what was decided, and its progress computed on this read. */
@Schema(name = "Goal", description = "A target share by a deadline over a scope of units, with its progress")
public record GoalDto(
        long id,

        @Schema(examples = "Boka tid på nätet vid alla hälsocentraler")
        String name,

        GoalMetric metric,

        @Schema(description = "The e-service of the coverage metrics; absent for the compliance metrics")
        String serviceCode,

        @Schema(description = "A share in 0..1", examples = "0.9")
        BigDecimal target,

        LocalDate deadline,

        @Schema(description = "The first month of the history")
        LocalDate from,

        Scope scope,

        @Schema(description = "The decision the goal comes from")
        String source,

        @Schema(description = "Who created it: the subject of their token")
        String createdBy,

        @Schema(description = "Computed on every read from the data's history; not part of the ETag")
        Progress progress) {

    @Schema(name = "GoalScope", description = "The units the goal is about; absent or empty: all")
    public record Scope(String careProvider, String administration, List<UnitType> unitTypes, String municipality) {}

    @Schema(name = "GoalProgress")
    public record Progress(
            @Schema(
                    description = "The value today; absent when it cannot be measured (no units, no revision in"
                            + " force, no resident figures)")
            Double value,

            LocalDate asOf,
            BigDecimal target,

            @Schema(description = "target - value; negative when the target is passed")
            Double gap,

            GoalStatus status,
            Projection projection,

            @Schema(description = "Monthly, ending today, from the goal's from date")
            List<Point> history) {}

    @Schema(name = "GoalProjection")
    public record Projection(
            @Schema(
                    description = "The value the line reaches on the deadline, within 0..1; absent with fewer than"
                            + " two measured months")
            Double atDeadline,

            @Schema(examples = GoalRules.PROJECTION_METHOD) String method) {}

    @Schema(name = "GoalHistoryPoint")
    public record Point(
            LocalDate date,

            @Schema(description = "Absent when it cannot be measured")
            Double value) {}

    static GoalDto of(Goal goal, Progress progress) {
        return new GoalDto(
                goal.id,
                goal.name,
                goal.metric,
                goal.service == null ? null : goal.service.code,
                goal.target.stripTrailingZeros(),
                goal.deadline,
                goal.from,
                new Scope(
                        goal.careProvider,
                        goal.administration,
                        goal.unitTypes.stream()
                                .sorted(Comparator.naturalOrder())
                                .toList(),
                        goal.municipality),
                goal.source,
                goal.createdBy,
                progress);
    }

    /** What was decided, without the progress: what the ETag and the audit trail are about. */
    GoalDto definition() {
        return new GoalDto(id, name, metric, serviceCode, target, deadline, from, scope, source, createdBy, null);
    }
}
