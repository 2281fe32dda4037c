package se.basutbud.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import se.basutbud.baseline.BaselineDto.Requirement;
import se.basutbud.careunit.UnitType;
import se.basutbud.unitsondate.UnitOnDate;

/** The per-unit compliance rule, without a database: what is applicable, exempted, required, offered, missing. */
class UnitAssessmentTest {

    private static final List<Requirement> REVISION = List.of(
            new Requirement("av-omboka-tid", List.of()),
            new Requirement("fornya-recept", List.of()),
            new Requirement("resevaccination", List.of(UnitType.PRIMARY_CARE)));

    private static UnitOnDate unit(UnitType type, Set<String> offered, Set<String> exempted) {
        return new UnitOnDate(
                "SE2321000073-1",
                "Enhet",
                type,
                "SE2321000073",
                null,
                "Kalmar",
                new TreeSet<>(offered),
                new TreeSet<>(exempted));
    }

    @Test
    void requirementsLimitedToOtherUnitTypesDoNotApply() {
        UnitAssessment psychiatry =
                UnitAssessment.of(unit(UnitType.PSYCHIATRY, Set.of("fornya-recept"), Set.of()), REVISION);
        assertEquals(List.of("fornya-recept"), psychiatry.offered());
        assertEquals(List.of("av-omboka-tid"), psychiatry.missing());
        assertEquals(0.5, psychiatry.score());
        assertEquals(ComplianceStatus.PARTIAL, psychiatry.status());
    }

    @Test
    void anExemptedServiceIsShownButNotRequired() {
        UnitAssessment exempt = UnitAssessment.of(
                unit(UnitType.PRIMARY_CARE, Set.of("av-omboka-tid", "fornya-recept"), Set.of("resevaccination")),
                REVISION);
        assertEquals(List.of("resevaccination"), exempt.exempted());
        assertEquals(List.of("av-omboka-tid", "fornya-recept"), exempt.required());
        assertEquals(List.of(), exempt.missing());
        assertEquals(1.0, exempt.score());
        assertEquals(ComplianceStatus.COMPLIANT, exempt.status());
    }

    @Test
    void servicesOfferedBeyondTheRequirementsAreOptional() {
        UnitAssessment unit = UnitAssessment.of(
                unit(UnitType.DENTAL_CARE, Set.of("egen-vardbegaran", "fornya-recept"), Set.of()), REVISION);
        assertEquals(List.of("egen-vardbegaran"), unit.optional());
        assertEquals(List.of("fornya-recept"), unit.offered());
    }

    @Test
    void nothingRequiredIsFullCompliance() {
        UnitAssessment none = UnitAssessment.of(unit(UnitType.PSYCHIATRY, Set.of(), Set.of()), List.of());
        assertEquals(1.0, none.score());
        assertEquals(ComplianceStatus.COMPLIANT, none.status());
        UnitAssessment nothingOffered = UnitAssessment.of(unit(UnitType.PSYCHIATRY, Set.of(), Set.of()), REVISION);
        assertEquals(0.0, nothingOffered.score());
        assertEquals(ComplianceStatus.NON_COMPLIANT, nothingOffered.status());
    }
}
