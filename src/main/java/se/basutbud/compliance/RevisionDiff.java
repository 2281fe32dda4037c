package se.basutbud.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import se.basutbud.baseline.BaselineDto;
import se.basutbud.baseline.BaselineService;
import se.basutbud.careunit.UnitFilter;
import se.basutbud.web.PageRequest;
import se.basutbud.web.problem.ApiException;

/**
 * What management reads before publishing next year's revision: how its requirements differ from another
 * revision's (by default the one in force), and what it would do to the units open on a date, each assessed
 * under both by the same rules as the report.
 */
@ApplicationScoped
public class RevisionDiff {

    private final ComplianceService compliance;
    private final BaselineService baselines;

    RevisionDiff(ComplianceService compliance, BaselineService baselines) {
        this.compliance = compliance;
        this.baselines = baselines;
    }

    private record Scored(String name, double score, ComplianceStatus status) {}

    RevisionDiffDtos.Diff diff(long id, Long againstId, LocalDate asOf, UnitFilter filter, PageRequest page) {
        BaselineDto to = baselines.get(id);
        BaselineDto from = againstId != null
                ? baselines.get(againstId)
                : baselines
                        .inForceOn(asOf)
                        .orElseThrow(() -> ApiException.notFound(
                                "No revision is in force on " + asOf + "; name one with against"));

        Map<String, Scored> before = new HashMap<>();
        ComplianceDtos.Summary fromSummary = compliance.streamReport(
                filter, asOf, from, row -> before.put(row.hsaId(), new Scored(row.name(), row.score(), row.status())));
        Map<String, Integer> statusChanges = new TreeMap<>();
        List<RevisionDiffDtos.UnitChange> changedUnits = new ArrayList<>();
        int[] total = {0};
        int first = page.page() * page.size();
        ComplianceDtos.Summary toSummary = compliance.streamReport(filter, asOf, to, row -> {
            Scored was = before.get(row.hsaId());
            if (was == null || was.status() == row.status()) {
                return;
            }
            statusChanges.merge(was.status() + ">" + row.status(), 1, Integer::sum);
            // Rows come by HSA-id: the page is the changed units from its first to its last.
            if (total[0] >= first && changedUnits.size() < page.size()) {
                changedUnits.add(new RevisionDiffDtos.UnitChange(
                        row.hsaId(),
                        row.name(),
                        new RevisionDiffDtos.Assessment(was.score(), was.status()),
                        new RevisionDiffDtos.Assessment(row.score(), row.status())));
            }
            total[0]++;
        });

        List<RevisionDiffDtos.StatusChange> counted = new ArrayList<>();
        statusChanges.forEach((pair, units) -> {
            String[] statuses = pair.split(">");
            counted.add(new RevisionDiffDtos.StatusChange(
                    ComplianceStatus.valueOf(statuses[0]), ComplianceStatus.valueOf(statuses[1]), units));
        });
        return new RevisionDiffDtos.Diff(
                new RevisionDiffDtos.RevisionRef(from.id(), from.name()),
                new RevisionDiffDtos.RevisionRef(to.id(), to.name()),
                requirementsOnlyIn(to, from),
                requirementsOnlyIn(from, to),
                changed(from, to),
                new RevisionDiffDtos.Impact(
                        asOf,
                        new RevisionDiffDtos.ScoreChange(fromSummary.averageScore(), toSummary.averageScore()),
                        new RevisionDiffDtos.CountChange(fromSummary.compliant(), toSummary.compliant()),
                        counted,
                        changedUnits,
                        total[0],
                        page.page(),
                        page.size()));
    }

    private static Map<String, BaselineDto.Requirement> byCode(BaselineDto revision) {
        Map<String, BaselineDto.Requirement> requirements = new LinkedHashMap<>();
        revision.requirements().forEach(requirement -> requirements.put(requirement.serviceCode(), requirement));
        return requirements;
    }

    private static List<RevisionDiffDtos.Requirement> requirementsOnlyIn(BaselineDto revision, BaselineDto other) {
        Map<String, BaselineDto.Requirement> others = byCode(other);
        return revision.requirements().stream()
                .filter(requirement -> !others.containsKey(requirement.serviceCode()))
                .map(requirement ->
                        new RevisionDiffDtos.Requirement(requirement.serviceCode(), requirement.unitTypes()))
                .toList();
    }

    private static List<RevisionDiffDtos.Changed> changed(BaselineDto from, BaselineDto to) {
        Map<String, BaselineDto.Requirement> before = byCode(from);
        return to.requirements().stream()
                .filter(requirement -> before.containsKey(requirement.serviceCode()))
                .filter(requirement -> !Objects.equals(
                        new java.util.TreeSet<>(
                                before.get(requirement.serviceCode()).unitTypes()),
                        new java.util.TreeSet<>(requirement.unitTypes())))
                .map(requirement -> new RevisionDiffDtos.Changed(
                        requirement.serviceCode(),
                        before.get(requirement.serviceCode()).unitTypes(),
                        requirement.unitTypes()))
                .toList();
    }
}
