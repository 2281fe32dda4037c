package se.basutbud.compliance;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.careunit.UnitType;

/** What comparing two revisions answers. */
final class RevisionDiffDtos {

    private RevisionDiffDtos() {}

    @Schema(
            name = "RevisionDiff",
            description = "How one revision differs from another, and what it would do to the units")
    record Diff(
            @Schema(description = "The revision compared against: by default the one in force")
            RevisionRef from,

            @Schema(description = "The revision compared: typically next year's draft")
            RevisionRef to,

            @Schema(description = "Requirements of to that from does not have")
            List<Requirement> added,

            @Schema(description = "Requirements of from that to does not have")
            List<Requirement> removed,

            @Schema(description = "Requirements of both whose unit types differ")
            List<Changed> changed,

            Impact impact) {}

    @Schema(name = "RevisionDiffRevision")
    record RevisionRef(long id, String name) {}

    @Schema(name = "RevisionDiffRequirement")
    record Requirement(
            String serviceCode,

            @Schema(description = "Empty for every unit type")
            List<UnitType> unitTypes) {}

    @Schema(name = "RevisionDiffChange")
    record Changed(
            String serviceCode,

            @Schema(description = "The unit types under from; empty for every type")
            List<UnitType> from,

            @Schema(description = "The unit types under to") List<UnitType> to) {}

    @Schema(name = "RevisionDiffImpact", description = "The units open on asOf, assessed under each revision")
    record Impact(
            LocalDate asOf,
            ScoreChange averageScore,
            CountChange compliant,

            @Schema(description = "How many units go from one status to another; only pairs that occur")
            List<StatusChange> statusChanges,

            @Schema(description = "The units whose status changes, by HSA-id: the page asked for")
            List<UnitChange> units,

            @Schema(description = "How many units change status in all")
            int unitsTotal,

            int page,
            int size) {}

    @Schema(name = "RevisionDiffScores", description = "Absent values: no units")
    record ScoreChange(Double from, Double to) {}

    @Schema(name = "RevisionDiffCounts")
    record CountChange(int from, int to) {}

    @Schema(name = "RevisionDiffStatusChange")
    record StatusChange(ComplianceStatus from, ComplianceStatus to, int units) {}

    @Schema(name = "RevisionDiffUnit")
    record UnitChange(String hsaId, String name, Assessment from, Assessment to) {}

    @Schema(name = "RevisionDiffAssessment")
    record Assessment(double score, ComplianceStatus status) {}
}
