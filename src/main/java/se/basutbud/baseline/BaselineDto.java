package se.basutbud.baseline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.careunit.UnitType;

@Schema(name = "Baseline", description = "A revision of the basutbud")
public record BaselineDto(
        @Schema(examples = "3") long id,
        @Schema(examples = "Basutbud 2027") String name,

        @Schema(description = "The first day the revision applies, once published")
        LocalDate validFrom,

        @Schema(description = "The decision behind the revision", examples = "Sjukvårdsledningen 2026-11-12, § 42")
        String decision,

        BaselineStatus status,
        Instant publishedAt,

        @Schema(description = "Who published it: the subject of their token; absent for callers without a token")
        String publishedBy,

        @Schema(description = "Ordered by serviceCode") List<Requirement> requirements) {

    @Schema(name = "Requirement", description = "An e-service the revision requires")
    public record Requirement(
            @Schema(examples = "fornya-recept") String serviceCode,

            @Schema(description = "The unit types that must offer it; empty means every unit type")
            List<UnitType> unitTypes) {

        /** Whether a unit of this type must offer the service. */
        public boolean appliesTo(UnitType unitType) {
            return unitTypes.isEmpty() || unitTypes.contains(unitType);
        }
    }

    /** The requirement of one e-service, if the revision has it. */
    java.util.Optional<Requirement> requirement(String serviceCode) {
        return requirements.stream()
                .filter(r -> r.serviceCode().equals(serviceCode))
                .findFirst();
    }

    /** The revision as the public sees it: without who published it (personal data). */
    BaselineDto forPublic() {
        return new BaselineDto(id, name, validFrom, decision, status, publishedAt, null, requirements);
    }

    static BaselineDto of(Baseline baseline) {
        List<Requirement> requirements = baseline.requirements.stream()
                .map(r -> new Requirement(
                        r.service.code,
                        Arrays.stream(r.unitTypes)
                                .map(UnitType::valueOf)
                                .sorted()
                                .toList()))
                .sorted(Comparator.comparing(Requirement::serviceCode))
                .toList();
        return new BaselineDto(
                baseline.id,
                baseline.name,
                baseline.validFrom,
                baseline.decision,
                baseline.status,
                baseline.publishedAt,
                baseline.publishedBy,
                requirements);
    }
}
