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
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import se.basutbud.BasutbudConfig;
import se.basutbud.baseline.BaselineDto;
import se.basutbud.baseline.BaselineService;
import se.basutbud.careunit.CareUnitService;
import se.basutbud.careunit.HsaId;
import se.basutbud.change.ChangeListener;
import se.basutbud.change.InvalidatingCache;
import se.basutbud.web.problem.ApiException;

@ApplicationScoped
public class ComplianceService {

    /** Enough for ten years of months; a longer trend is a mistake, not a report. */
    static final int MAX_TREND_POINTS = 400;

    private final ComplianceQueries queries;
    private final ComplianceTimeline timeline;
    private final BaselineService baselines;
    private final EntityManager entityManager;
    private final InvalidatingCache<UnitOnDate, byte[]> unitReports;
    private final ObjectMapper objectMapper;

    ComplianceService(
            ComplianceQueries queries,
            ComplianceTimeline timeline,
            BaselineService baselines,
            EntityManager entityManager,
            ChangeListener listener,
            BasutbudConfig config,
            ObjectMapper objectMapper) {
        this.queries = queries;
        this.timeline = timeline;
        this.baselines = baselines;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.unitReports = new InvalidatingCache<>(listener, config.compliance().cacheSize(), UnitOnDate::hsaId);
    }

    /** One unit's compliance, computed: the per-unit rule of the v1 contract. */
    public ComplianceDtos.UnitReport unit(String hsaId, LocalDate asOf, Long baselineId) {
        return QuarkusTransaction.joiningExisting().call(() -> computeUnit(hsaId, asOf, baselineId));
    }

    /**
     * One unit's compliance as JSON. With the revision in force (no revision asked for) it is served from a
     * cache that every change of the unit, and every publication, evicts on every replica; it keeps the
     * JSON (about 1 kB a unit) rather than the answer's objects. A draft can change at any moment, so a
     * report on one is always computed.
     */
    public byte[] unitJson(String hsaId, LocalDate asOf, Long baselineId) {
        if (baselineId != null) {
            return json(unit(hsaId, asOf, baselineId));
        }
        String id = HsaId.normalize(hsaId);
        return unitReports.get(new UnitOnDate(id, asOf), () -> json(unit(id, asOf, null)));
    }

    /** One unit's compliance under the revision in force if this replica holds it, from memory only. */
    byte[] cachedUnitJson(String hsaId, LocalDate asOf) {
        return unitReports.peek(new UnitOnDate(HsaId.normalize(hsaId), asOf));
    }

    private record UnitOnDate(String hsaId, LocalDate asOf) {}

    private byte[] json(ComplianceDtos.UnitReport report) {
        try {
            return objectMapper.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A unit's compliance could not be written as JSON", e);
        }
    }

    private ComplianceDtos.UnitReport computeUnit(String hsaId, LocalDate asOf, Long baselineId) {
        String id = HsaId.normalize(hsaId);
        BaselineDto baseline = revision(baselineId, asOf);
        List<UnitCompliance.UnitRow> units = queries.unitsOn(asOf, CareUnitService.Filter.none(), id);
        if (units.isEmpty()) {
            CareUnitService.require(id);
            throw ApiException.notFound("The care unit " + id + " was not open on " + asOf);
        }
        return ComplianceDtos.UnitReport.of(UnitCompliance.of(units.get(0), baseline.requirements()), asOf, baseline);
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
            CareUnitService.Filter filter, LocalDate asOf, BaselineDto baseline, Consumer<ComplianceDtos.Row> writer) {
        ComplianceDtos.Tally tally = new ComplianceDtos.Tally();
        QuarkusTransaction.requiringNew()
                .run(() -> forEach(filter, asOf, baseline, compliance -> {
                    tally.add(compliance);
                    writer.accept(ComplianceDtos.Row.of(compliance));
                }));
        return tally.summary();
    }

    @Transactional
    public ComplianceDtos.ServiceReport services(CareUnitService.Filter filter, LocalDate asOf, Long baselineId) {
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
        Map<String, String> names = serviceNames();
        List<ComplianceDtos.ServiceItem> items = new ArrayList<>();
        for (BaselineDto.Requirement requirement : baseline.requirements()) {
            String code = requirement.serviceCode();
            int[] count = counts.get(code);
            items.add(new ComplianceDtos.ServiceItem(
                    code,
                    names.get(code),
                    count[0],
                    count[1],
                    count[2],
                    count[0] == 0 ? null : (double) count[1] / count[0]));
        }
        return new ComplianceDtos.ServiceReport(asOf, ComplianceDtos.BaselineRef.of(baseline), items);
    }

    @Transactional
    public ComplianceDtos.GroupReport groups(
            GroupBy by, CareUnitService.Filter filter, LocalDate asOf, Long baselineId) {
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
            CareUnitService.Filter filter, LocalDate from, LocalDate to, TrendInterval interval, Long baselineId) {
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
        return new ComplianceDtos.Trend(points);
    }

    /** Every unit's compliance, one at a time as the units arrive: aggregates never hold the whole country. */
    private void forEach(
            CareUnitService.Filter filter, LocalDate asOf, BaselineDto baseline, Consumer<UnitCompliance> consumer) {
        queries.forEachUnitOn(
                asOf, filter, null, unit -> consumer.accept(UnitCompliance.of(unit, baseline.requirements())));
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

    private Map<String, String> serviceNames() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select code, name from e_service", Object[].class)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
    }

    private static String keyOrEmpty(String key) {
        return key == null ? "" : key;
    }
}
