package se.basutbud.compliance;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import se.basutbud.baseline.BaselineDto;
import se.basutbud.careunit.UnitType;

/**
 * The rule of the v1 contract for one unit under one revision on one date; every report is built from
 * these, so the rule lives here only.
 */
record UnitCompliance(
        UnitRow unit,
        List<String> applicable,
        List<String> required,
        List<String> offered,
        List<String> missing,
        List<String> exempted,
        List<String> optional,
        double score,
        ComplianceStatus status) {

    /** A unit as the compliance queries read it, with what it offers and is exempted from on the date. */
    record UnitRow(String hsaId, String name, UnitType unitType, String careProvider, String administration,
            String municipality, Set<String> offeredCodes, Set<String> exemptedCodes) {
    }

    static UnitCompliance of(UnitRow unit, List<BaselineDto.Requirement> requirements) {
        TreeSet<String> applicable = new TreeSet<>();
        for (BaselineDto.Requirement requirement : requirements) {
            if (requirement.appliesTo(unit.unitType())) {
                applicable.add(requirement.serviceCode());
            }
        }
        TreeSet<String> exempted = new TreeSet<>(applicable);
        exempted.retainAll(unit.exemptedCodes());
        TreeSet<String> required = new TreeSet<>(applicable);
        required.removeAll(exempted);
        TreeSet<String> offered = new TreeSet<>(required);
        offered.retainAll(unit.offeredCodes());
        TreeSet<String> missing = new TreeSet<>(required);
        missing.removeAll(offered);
        TreeSet<String> optional = new TreeSet<>(unit.offeredCodes());
        optional.removeAll(required);
        double score = required.isEmpty() ? 1.0 : (double) offered.size() / required.size();
        return new UnitCompliance(unit, List.copyOf(applicable), List.copyOf(required), List.copyOf(offered),
                List.copyOf(missing), List.copyOf(exempted), List.copyOf(optional), score, ComplianceStatus.of(score));
    }
}
