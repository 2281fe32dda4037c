package se.basutbud.coverage;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.compliance.GroupBy;

/** What the coverage report answers. */
final class CoverageDtos {

    private CoverageDtos() {}

    @Schema(name = "CoverageReport", description = "Coverage of one e-service per group of units on a date")
    record Report(
            @Schema(examples = "fornya-recept") String serviceCode,
            LocalDate asOf,
            GroupBy by,
            List<Item> items,
            Summary summary) {}

    @Schema(name = "CoverageItem", description = "One group: its units, and the residents listed at them")
    record Item(
            @Schema(description = "The group's value; absent for units without one")
            String key,

            @Schema(description = "Units open on asOf") int units,

            @Schema(description = "Of those not exempted, the units that offer the e-service on asOf")
            int offeringUnits,

            @Schema(description = "Units exempted from the e-service on asOf")
            int exemptedUnits,

            @Schema(description = "offeringUnits / (units - exemptedUnits); absent when every unit is exempted")
            Double unitCoverage,

            @Schema(description = "Residents listed at the units not exempted that have a figure")
            long residents,

            @Schema(description = "Of those, the residents listed at units that offer the e-service")
            long residentsCovered,

            @Schema(description = "residentsCovered / residents; absent when no unit has a figure")
            Double residentCoverage,

            @Schema(description = "Units not exempted without a figure: unknown, never counted as zero")
            int unknownResidentUnits) {}

    @Schema(name = "CoverageSummary", description = "The same over every group, and the spread between them")
    record Summary(
            int units,
            int offeringUnits,
            int exemptedUnits,
            Double unitCoverage,
            long residents,
            long residentsCovered,
            Double residentCoverage,
            int unknownResidentUnits,

            @Schema(description = "The group with the lowest resident coverage; absent when none has one")
            Extreme lowest,

            @Schema(description = "The group with the highest resident coverage")
            Extreme highest,

            @Schema(description = "highest - lowest resident coverage")
            Double gap) {}

    @Schema(name = "CoverageExtreme")
    record Extreme(String key, double residentCoverage) {}
}
