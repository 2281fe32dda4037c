package se.basutbud.compliance;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.baseline.BaselineDto;
import se.basutbud.baseline.BaselineStatus;
import se.basutbud.careunit.UnitType;
import se.basutbud.unitsondate.UnitOnDate;

/** The compliance answers of the v1 contract. */
final class ComplianceDtos {

    private ComplianceDtos() {}

    @Schema(name = "ComplianceBaseline", description = "The revision a report was computed with; may be a draft")
    record BaselineRef(long id, String name, BaselineStatus status, LocalDate validFrom) {
        static BaselineRef of(BaselineDto baseline) {
            return new BaselineRef(baseline.id(), baseline.name(), baseline.status(), baseline.validFrom());
        }
    }

    @Schema(description = "One unit's compliance; code lists are sorted")
    record UnitCompliance(
            String hsaId,
            String name,
            UnitType unitType,
            LocalDate asOf,
            BaselineRef baseline,

            @Schema(description = "Applicable requirements minus exemptions")
            List<String> required,

            @Schema(description = "Required e-services the unit offers")
            List<String> offered,

            @Schema(description = "Required e-services the unit does not offer")
            List<String> missing,

            @Schema(description = "Applicable requirements the unit is exempted from")
            List<String> exempted,

            @Schema(description = "Offered e-services that are not required")
            List<String> optional,

            @Schema(description = "offered / required; 1.0 when nothing is required", examples = "0.75")
            double score,

            ComplianceStatus status) {

        static UnitCompliance of(UnitAssessment c, LocalDate asOf, BaselineDto baseline) {
            return new UnitCompliance(
                    c.unit().hsaId(),
                    c.unit().name(),
                    c.unit().unitType(),
                    asOf,
                    BaselineRef.of(baseline),
                    c.required(),
                    c.offered(),
                    c.missing(),
                    c.exempted(),
                    c.optional(),
                    c.score(),
                    c.status());
        }
    }

    @Schema(name = "ComplianceSummary")
    record Summary(
            int units,
            int compliant,
            int partial,
            int nonCompliant,

            @Schema(description = "Mean score; absent when there are no units")
            Double averageScore) {}

    /** Counts units into a summary as they come, so that no report holds a list of them. */
    static final class Tally {
        private int units;
        private int compliant;
        private int partial;
        private int nonCompliant;
        private double total;

        void add(UnitAssessment unit) {
            add(unit.score());
        }

        /** A unit by its score alone; its status follows from the score. */
        void add(double score) {
            switch (ComplianceStatus.of(score)) {
                case COMPLIANT -> compliant++;
                case PARTIAL -> partial++;
                case NON_COMPLIANT -> nonCompliant++;
            }
            units++;
            total += score;
        }

        Summary summary() {
            return new Summary(units, compliant, partial, nonCompliant, units == 0 ? null : total / units);
        }
    }

    @Schema(name = "ComplianceRow", description = "One unit in the compliance report")
    record Row(
            String hsaId,
            String name,
            UnitType unitType,
            String careProvider,
            String administration,
            String municipality,

            @Schema(description = "Number of required e-services")
            int required,

            @Schema(description = "Number of required e-services offered")
            int offered,

            List<String> missing,
            List<String> exempted,
            double score,
            ComplianceStatus status) {

        static Row of(UnitAssessment c) {
            UnitOnDate u = c.unit();
            return new Row(
                    u.hsaId(),
                    u.name(),
                    u.unitType(),
                    u.careProvider(),
                    u.administration(),
                    u.municipality(),
                    c.required().size(),
                    c.offered().size(),
                    c.missing(),
                    c.exempted(),
                    c.score(),
                    c.status());
        }
    }

    @Schema(
            name = "ComplianceReport",
            description = "Computed in one read, then sent: the summary comes after the units")
    record Report(LocalDate asOf, BaselineRef baseline, Summary summary, List<Row> units) {}

    @Schema(name = "ServiceCoverage")
    record ServiceItem(
            String serviceCode,
            String name,

            @Schema(description = "Units that must offer it (exempted ones not counted)")
            int applicableUnits,

            @Schema(description = "Of those, the units that offer it")
            int offeringUnits,

            @Schema(description = "Units the requirement applies to that are exempted")
            int exemptedUnits,

            @Schema(description = "offeringUnits / applicableUnits; absent when no unit must offer it")
            Double coverage) {}

    @Schema(name = "ServiceCoverageReport")
    record ServiceReport(LocalDate asOf, BaselineRef baseline, List<ServiceItem> items) {}

    @Schema(name = "ComplianceGroup")
    record GroupItem(
            @Schema(description = "The group's value; absent for units without one")
            String key,

            int units,
            int compliant,
            int partial,
            int nonCompliant,
            Double averageScore) {}

    @Schema(name = "ComplianceGroupReport")
    record GroupReport(GroupBy by, LocalDate asOf, BaselineRef baseline, List<GroupItem> items) {}

    @Schema(name = "TrendBaseline")
    record TrendBaseline(long id, String name) {}

    @Schema(name = "TrendPoint")
    record TrendPoint(
            LocalDate date,

            @Schema(description = "The revision used on that date; absent when none was in force")
            TrendBaseline baseline,

            int units,

            @Schema(description = "Null when no revision was in force")
            Integer compliant,

            @Schema(description = "Null when no revision was in force or there were no units")
            Double averageScore) {}

    @Schema(name = "ComplianceTrend")
    record Trend(List<TrendPoint> items) {}
}
