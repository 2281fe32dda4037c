package se.basutbud.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import se.basutbud.baseline.BaselineDto;
import se.basutbud.baseline.BaselineService;
import se.basutbud.careunit.CareUnitService;
import se.basutbud.careunit.HsaId;
import se.basutbud.careunit.UnitFilter;
import se.basutbud.unitsondate.ServiceCatalogue;
import se.basutbud.unitsondate.UnitOnDate;
import se.basutbud.unitsondate.UnitsOnDate;
import se.basutbud.web.problem.ApiException;

/**
 * Compliance on a date, per unit and for many: it reads the units through the read model and applies the
 * rule ({@link UnitAssessment}) to each, as they arrive.
 */
@ApplicationScoped
public class ComplianceService {

    /** Enough for ten years of months; a longer trend is a mistake, not a report. */
    static final int MAX_TREND_POINTS = 400;

    private final UnitsOnDate units;
    private final ServiceCatalogue catalogue;
    private final ComplianceTimeline timeline;
    private final BaselineService baselines;
    private final UnitComplianceCache cache;

    ComplianceService(
            UnitsOnDate units,
            ServiceCatalogue catalogue,
            ComplianceTimeline timeline,
            BaselineService baselines,
            UnitComplianceCache cache) {
        this.units = units;
        this.catalogue = catalogue;
        this.timeline = timeline;
        this.baselines = baselines;
        this.cache = cache;
    }

    /** One unit's compliance, computed: the per-unit rule of the v1 contract. */
    public ComplianceDtos.UnitCompliance unit(String hsaId, LocalDate asOf, Long baselineId) {
        return QuarkusTransaction.joiningExisting().call(() -> computeUnit(hsaId, asOf, baselineId));
    }

    /**
     * One unit's compliance as JSON. With the revision in force (no revision asked for) it is served from
     * the cache; a draft can change at any moment, so a report on one is always computed.
     */
    public byte[] unitJson(String hsaId, LocalDate asOf, Long baselineId) {
        if (baselineId != null) {
            return cache.json(unit(hsaId, asOf, baselineId));
        }
        String id = HsaId.normalize(hsaId);
        return cache.get(id, asOf, () -> unit(id, asOf, null));
    }

    /** One unit's compliance under the revision in force if this replica holds it, from memory only. */
    byte[] cachedUnitJson(String hsaId, LocalDate asOf) {
        return cache.peek(HsaId.normalize(hsaId), asOf);
    }

    private ComplianceDtos.UnitCompliance computeUnit(String hsaId, LocalDate asOf, Long baselineId) {
        String id = HsaId.normalize(hsaId);
        BaselineDto baseline = revision(baselineId, asOf);
        List<UnitOnDate> open = units.openUnit(id, asOf);
        if (open.isEmpty()) {
            CareUnitService.require(id);
            throw ApiException.notFound("The care unit " + id + " was not open on " + asOf);
        }
        return ComplianceDtos.UnitCompliance.of(
                UnitAssessment.of(open.get(0), baseline.requirements()), asOf, baseline);
    }

    /** The revision a report on a date uses: the one asked for, else the one in force (404 if none). */
    @Transactional
    public BaselineDto revisionFor(Long baselineId, LocalDate asOf) {
        return revision(baselineId, asOf);
    }

    /**
     * Computes the full report row by row as the units arrive from the database and hands each row to
     * the writer, so that memory stays flat however many units there are; returns the summary.
     */
    public ComplianceDtos.Summary streamReport(
            UnitFilter filter, LocalDate asOf, BaselineDto baseline, Consumer<ComplianceDtos.Row> writer) {
        ComplianceDtos.Tally tally = new ComplianceDtos.Tally();
        QuarkusTransaction.requiringNew()
                .run(() -> forEach(filter, asOf, baseline, compliance -> {
                    tally.add(compliance);
                    writer.accept(ComplianceDtos.Row.of(compliance));
                }));
        return tally.summary();
    }

    @Transactional
    public ComplianceDtos.ServiceReport services(UnitFilter filter, LocalDate asOf, Long baselineId) {
        BaselineDto baseline = revision(baselineId, asOf);
        Map<String, int[]> counts = new HashMap<>();
        for (BaselineDto.Requirement requirement : baseline.requirements()) {
            counts.put(requirement.serviceCode(), new int[3]);
        }
        forEach(filter, asOf, baseline, unit -> {
            for (String code : unit.required()) {
                counts.get(code)[0]++;
            }
            for (String code : unit.offered()) {
                counts.get(code)[1]++;
            }
            for (String code : unit.exempted()) {
                counts.get(code)[2]++;
            }
        });
        ServiceCatalogue.Services services = catalogue.knowingCodes(counts.keySet());
        List<ComplianceDtos.ServiceItem> items = new ArrayList<>();
        for (BaselineDto.Requirement requirement : baseline.requirements()) {
            String code = requirement.serviceCode();
            int[] count = counts.get(code);
            items.add(new ComplianceDtos.ServiceItem(
                    code,
                    services.nameOf(code),
                    count[0],
                    count[1],
                    count[2],
                    count[0] == 0 ? null : (double) count[1] / count[0]));
        }
        return new ComplianceDtos.ServiceReport(asOf, ComplianceDtos.BaselineRef.of(baseline), items);
    }

    @Transactional
    public ComplianceDtos.GroupReport groups(GroupBy by, UnitFilter filter, LocalDate asOf, Long baselineId) {
        BaselineDto baseline = revision(baselineId, asOf);
        // Units without a key (no municipality, say) come last.
        Map<String, ComplianceDtos.Tally> grouped = new TreeMap<>(
                Comparator.<String, Boolean>comparing(String::isEmpty).thenComparing(Function.identity()));
        forEach(filter, asOf, baseline, unit -> grouped.computeIfAbsent(
                        keyOrEmpty(by.keyOf(unit.unit())), k -> new ComplianceDtos.Tally())
                .add(unit));
        List<ComplianceDtos.GroupItem> items = grouped.entrySet().stream()
                .map(entry -> {
                    ComplianceDtos.Summary summary = entry.getValue().summary();
                    return new ComplianceDtos.GroupItem(
                            entry.getKey().isEmpty() ? null : entry.getKey(),
                            summary.units(),
                            summary.compliant(),
                            summary.partial(),
                            summary.nonCompliant(),
                            summary.averageScore());
                })
                .toList();
        return new ComplianceDtos.GroupReport(by, asOf, ComplianceDtos.BaselineRef.of(baseline), items);
    }

    @Transactional
    public ComplianceDtos.Trend trend(
            UnitFilter filter, LocalDate from, LocalDate to, TrendInterval interval, Long baselineId) {
        if (from.isAfter(to)) {
            throw ApiException.badRequest("from", "must not be after to");
        }
        BaselineDto fixed = baselineId == null ? null : revision(baselineId, from);
        List<ComplianceTimeline.Moment> moments = new ArrayList<>();
        for (int step = 0; ; step++) {
            LocalDate date = interval.next(from, step);
            if (date.isAfter(to)) {
                break;
            }
            if (moments.size() == MAX_TREND_POINTS) {
                throw ApiException.badRequest("from", "the trend may have at most " + MAX_TREND_POINTS + " points");
            }
            moments.add(new ComplianceTimeline.Moment(
                    date, fixed != null ? fixed : baselines.inForceOn(date).orElse(null)));
        }
        return new ComplianceDtos.Trend(points(moments, filter));
    }

    /** Compliance of a set of units on one date; the counts are null when no revision was in force. */
    public record OnDate(LocalDate date, int units, Integer compliant, Double averageScore) {}

    /**
     * Compliance over the filter's units on each of the dates, each with the revision in force then, in one
     * read of the units' history: the trend's points on dates of the caller's choosing (a goal's history).
     */
    @Transactional
    public List<OnDate> onDates(List<LocalDate> dates, UnitFilter filter) {
        return points(
                        dates.stream()
                                .map(date -> new ComplianceTimeline.Moment(
                                        date, baselines.inForceOn(date).orElse(null)))
                                .toList(),
                        filter)
                .stream()
                .map(point -> new OnDate(point.date(), point.units(), point.compliant(), point.averageScore()))
                .toList();
    }

    private List<ComplianceDtos.TrendPoint> points(List<ComplianceTimeline.Moment> moments, UnitFilter filter) {
        List<ComplianceDtos.Summary> summaries = timeline.summaries(moments, filter);
        List<ComplianceDtos.TrendPoint> points = new ArrayList<>(moments.size());
        for (int i = 0; i < moments.size(); i++) {
            BaselineDto baseline = moments.get(i).revision();
            ComplianceDtos.Summary summary = summaries.get(i);
            points.add(new ComplianceDtos.TrendPoint(
                    moments.get(i).date(),
                    baseline == null ? null : new ComplianceDtos.TrendBaseline(baseline.id(), baseline.name()),
                    summary.units(),
                    baseline == null ? null : summary.compliant(),
                    summary.averageScore()));
        }
        return points;
    }

    /** Every unit's compliance, one at a time as the units arrive: aggregates never hold the whole country. */
    private void forEach(UnitFilter filter, LocalDate asOf, BaselineDto baseline, Consumer<UnitAssessment> consumer) {
        units.forEachOpenUnit(asOf, filter, unit -> consumer.accept(UnitAssessment.of(unit, baseline.requirements())));
    }

    /** The revision asked for (a draft shows what it would do), else the one in force on the date. */
    private BaselineDto revision(Long baselineId, LocalDate asOf) {
        if (baselineId != null) {
            return baselines.get(baselineId);
        }
        return baselines
                .inForceOn(asOf)
                .orElseThrow(() -> ApiException.notFound("No published basutbud revision is in force on " + asOf));
    }

    private static String keyOrEmpty(String key) {
        return key == null ? "" : key;
    }
}
