package se.basutbud.compliance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.basutbud.baseline.BaselineDto;
import se.basutbud.unitsondate.UnitOnDate;

/**
 * The rule of the v1 contract for one unit under one revision on one date; every report is built from
 * these, so the rule lives here only.
 */
record UnitAssessment(
        UnitOnDate unit,
        List<String> required,
        List<String> offered,
        List<String> missing,
        List<String> exempted,
        List<String> optional,
        double score,
        ComplianceStatus status) {

    /** offered / required; 1.0 when nothing is required. */
    static double score(int offeredRequired, int required) {
        return required == 0 ? 1.0 : (double) offeredRequired / required;
    }

    /**
     * The rule. One pass over the revision's requirements, which are sorted by code, so every list comes
     * out sorted without sorting: the full report calls this once per unit of the country.
     */
    static UnitAssessment of(UnitOnDate unit, List<BaselineDto.Requirement> requirements) {
        List<String> required = new ArrayList<>(requirements.size());
        List<String> offered = new ArrayList<>(requirements.size());
        List<String> missing = new ArrayList<>();
        List<String> exempted = new ArrayList<>();
        Set<String> requiredCodes = new HashSet<>();
        for (BaselineDto.Requirement requirement : requirements) {
            if (!requirement.appliesTo(unit.unitType())) {
                continue;
            }
            String code = requirement.serviceCode();
            if (unit.exemptedCodes().contains(code)) {
                exempted.add(code);
                continue;
            }
            required.add(code);
            requiredCodes.add(code);
            (unit.offeredCodes().contains(code) ? offered : missing).add(code);
        }
        List<String> optional = new ArrayList<>();
        for (String code : unit.offeredCodes()) {
            if (!requiredCodes.contains(code)) {
                optional.add(code);
            }
        }
        double score = score(offered.size(), required.size());
        return new UnitAssessment(
                unit,
                Collections.unmodifiableList(required),
                Collections.unmodifiableList(offered),
                Collections.unmodifiableList(missing),
                Collections.unmodifiableList(exempted),
                Collections.unmodifiableList(optional),
                score,
                ComplianceStatus.of(score));
    }
}
