package se.basutbud.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import se.basutbud.baseline.BaselineDto;
import se.basutbud.careunit.UnitFilter;
import se.basutbud.careunit.UnitType;
import se.basutbud.unitsondate.ServiceCatalogue;
import se.basutbud.unitsondate.UnitHistory;
import se.basutbud.unitsondate.UnitsOnDate;

/**
 * Compliance summaries on many dates at once, for the trend. One read of every unit that was open at some
 * point of the period, with its offering and exemption periods ({@link UnitsOnDate#forEachUnitDuring}); each
 * unit is scored on every date as it arrives and then let go of, so memory does not grow with the country.
 * Scoring uses bit masks over the revision's requirement positions: the rule of {@link UnitAssessment} on
 * sets. The test suite checks every point against the report of its date.
 */
@ApplicationScoped
class ComplianceTimeline {

    private final UnitsOnDate units;
    private final ServiceCatalogue catalogue;

    ComplianceTimeline(UnitsOnDate units, ServiceCatalogue catalogue) {
        this.units = units;
        this.catalogue = catalogue;
    }

    /** A date to score and the revision to score it with; null when none was in force. */
    record Moment(LocalDate date, BaselineDto revision) {}

    /**
     * Summaries in the order of the moments; must run in a transaction, after the moments' revisions were
     * read. Without a revision, a summary counts the units open on the date and nothing else.
     */
    List<ComplianceDtos.Summary> summaries(List<Moment> moments, UnitFilter filter) {
        if (moments.isEmpty()) {
            return List.of();
        }
        LocalDate first =
                moments.stream().map(Moment::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last =
                moments.stream().map(Moment::date).max(LocalDate::compareTo).orElseThrow();
        ServiceCatalogue.Services services = catalogue.knowingCodes(moments.stream()
                .filter(moment -> moment.revision() != null)
                .flatMap(moment -> moment.revision().requirements().stream())
                .map(BaselineDto.Requirement::serviceCode)
                .collect(Collectors.toSet()));
        List<Scorer> scorers = new ArrayList<>(moments.size());
        for (Moment moment : moments) {
            scorers.add(new Scorer(moment, services));
        }
        units.forEachUnitDuring(first, last, filter, services, unit -> {
            for (Scorer scorer : scorers) {
                scorer.add(unit);
            }
        });
        return scorers.stream().map(Scorer::summary).toList();
    }

    /** One date's tally: units are added one by one, in the report's order, so sums add up alike. */
    private static final class Scorer {
        private final int day;
        private final BaselineDto revision;
        private final int words;
        private final long[][] applicableByType;
        /** The requirement position of each service rank, or -1 if the revision does not require it. */
        private final int[] bitOfService;

        private final long[] offered;
        private final long[] exempted;
        /** Units open on the date, with or without a revision. */
        private int open;

        private final ComplianceDtos.Tally tally = new ComplianceDtos.Tally();

        Scorer(Moment moment, ServiceCatalogue.Services services) {
            this.day = UnitHistory.day(moment.date());
            this.revision = moment.revision();
            List<BaselineDto.Requirement> requirements = revision == null ? List.of() : revision.requirements();
            this.words = Math.max(1, (requirements.size() + 63) >>> 6);
            this.applicableByType = new long[UnitType.values().length][words];
            this.bitOfService = new int[services.size()];
            Arrays.fill(bitOfService, -1);
            for (int bit = 0; bit < requirements.size(); bit++) {
                BaselineDto.Requirement requirement = requirements.get(bit);
                int rank = services.rankOf(requirement.serviceCode());
                if (rank >= 0) {
                    bitOfService[rank] = bit;
                }
                for (UnitType type : UnitType.values()) {
                    if (requirement.appliesTo(type)) {
                        applicableByType[type.ordinal()][bit >>> 6] |= 1L << bit;
                    }
                }
            }
            this.offered = new long[words];
            this.exempted = new long[words];
        }

        void add(UnitHistory unit) {
            if (!unit.openOn(day)) {
                return;
            }
            open++;
            if (revision == null) {
                return;
            }
            Arrays.fill(offered, 0);
            Arrays.fill(exempted, 0);
            int[] offeredServices = unit.offeredServices();
            for (int i = 0; i < offeredServices.length; i++) {
                int bit = bit(offeredServices[i]);
                if (bit >= 0 && unit.offeredOn(i, day)) {
                    offered[bit >>> 6] |= 1L << bit;
                }
            }
            int[] exemptedServices = unit.exemptedServices();
            for (int i = 0; i < exemptedServices.length; i++) {
                int bit = bit(exemptedServices[i]);
                if (bit >= 0 && unit.exemptedOn(i, day)) {
                    exempted[bit >>> 6] |= 1L << bit;
                }
            }
            long[] applicable = applicableByType[unit.unitType().ordinal()];
            int required = 0;
            int offeredRequired = 0;
            for (int w = 0; w < words; w++) {
                long requiredWord = applicable[w] & ~exempted[w];
                required += Long.bitCount(requiredWord);
                offeredRequired += Long.bitCount(requiredWord & offered[w]);
            }
            tally.add(UnitAssessment.score(offeredRequired, required));
        }

        private int bit(int serviceRank) {
            return serviceRank >= 0 ? bitOfService[serviceRank] : -1;
        }

        ComplianceDtos.Summary summary() {
            return revision == null ? new ComplianceDtos.Summary(open, 0, 0, 0, null) : tally.summary();
        }
    }
}
