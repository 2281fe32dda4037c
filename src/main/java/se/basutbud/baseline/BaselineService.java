package se.basutbud.baseline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import se.basutbud.TimeSource;
import se.basutbud.audit.AuditLog;
import se.basutbud.careunit.UnitType;
import se.basutbud.change.UnitsChanged;
import se.basutbud.eservice.EService;
import se.basutbud.eservice.EServiceService;
import se.basutbud.web.EntityTags;
import se.basutbud.web.Page;
import se.basutbud.web.PageRequest;
import se.basutbud.web.TextInput;
import se.basutbud.web.problem.ApiException;

@ApplicationScoped
public class BaselineService {

    private final TimeSource time;
    private final Event<UnitsChanged> unitsChanged;
    private final AuditLog audit;
    /**
     * Published revisions never change and are never deleted, so each replica keeps those it has read,
     * by publication, so that one read in a transaction that then rolled back is never served again.
     */
    private final Map<Baseline.Publication, BaselineDto> publishedRevisions = new ConcurrentHashMap<>();

    BaselineService(TimeSource time, Event<UnitsChanged> unitsChanged, AuditLog audit) {
        this.time = time;
        this.unitsChanged = unitsChanged;
        this.audit = audit;
    }

    @Transactional
    public BaselineDto create(BaselineRequests.Create request) {
        Baseline baseline = new Baseline();
        baseline.name = request.name().strip();
        baseline.validFrom = request.validFrom();
        baseline.decision = TextInput.blankToNull(request.decision());
        baseline.status = BaselineStatus.DRAFT;
        baseline.touch(time.now());
        if (request.copyFrom() != null) {
            Baseline source = Baseline.<Baseline>findByIdOptional(request.copyFrom())
                    .orElseThrow(() ->
                            ApiException.unprocessable("copyFrom: no basutbud revision with id " + request.copyFrom()));
            for (BaselineRequirement original : source.requirements) {
                if (original.service.isActive()) {
                    BaselineRequirement copy = new BaselineRequirement();
                    copy.baseline = baseline;
                    copy.service = original.service;
                    copy.unitTypes = original.unitTypes.clone();
                    baseline.requirements.add(copy);
                }
            }
        }
        baseline.persistAndFlush();
        BaselineDto created = BaselineDto.of(baseline);
        audit.record(AuditLog.EntityType.BASELINE, created.id() + "", AuditLog.Action.CREATE, null, created);
        return created;
    }

    /** Every revision, newest first; only the published ones when {@code publishedOnly}. */
    @Transactional
    public Page<BaselineDto> list(PageRequest pageRequest, boolean publishedOnly) {
        return Page.of(
                publishedOnly
                        ? Baseline.find("status", Sort.descending("validFrom", "id"), BaselineStatus.PUBLISHED)
                        : Baseline.findAll(Sort.descending("validFrom", "id")),
                pageRequest,
                BaselineDto::of);
    }

    @Transactional
    public BaselineDto get(long id) {
        return BaselineDto.of(require(id));
    }

    /** The published revision in force on a date, if any. */
    @Transactional
    public Optional<BaselineDto> inForceOn(LocalDate date) {
        return Baseline.publicationInForceOn(date).map(this::publication);
    }

    /**
     * A publication of a revision, as a read of the revision in force found it (a published revision never
     * changes: kept in memory after the first time).
     */
    @Transactional
    public BaselineDto publication(long id, Instant publishedAt) {
        return publication(new Baseline.Publication(id, publishedAt));
    }

    private BaselineDto publication(Baseline.Publication publication) {
        return publishedRevisions.computeIfAbsent(publication, p -> BaselineDto.of(require(p.id())));
    }

    @Transactional
    public BaselineDto putRequirement(long id, String serviceCode, List<UnitType> unitTypes, String ifMatch) {
        Baseline baseline = requireDraftForUpdate(id, ifMatch);
        EService service = EServiceService.requireActive(serviceCode);
        Optional<BaselineDto.Requirement> before = BaselineDto.of(baseline).requirement(service.code);
        BaselineRequirement requirement = baseline.requirements.stream()
                .filter(r -> r.service.code.equals(service.code))
                .findFirst()
                .orElseGet(() -> {
                    BaselineRequirement added = new BaselineRequirement();
                    added.baseline = baseline;
                    added.service = service;
                    baseline.requirements.add(added);
                    return added;
                });
        requirement.unitTypes = unitTypes == null
                ? new String[0]
                : unitTypes.stream().distinct().sorted().map(Enum::name).toArray(String[]::new);
        baseline.touch(time.now());
        baseline.flush();
        BaselineDto after = BaselineDto.of(baseline);
        audit.record(
                AuditLog.EntityType.BASELINE_REQUIREMENT,
                id + "/" + service.code,
                before.isPresent() ? AuditLog.Action.UPDATE : AuditLog.Action.CREATE,
                before.orElse(null),
                after.requirement(service.code).orElseThrow());
        return after;
    }

    @Transactional
    public void deleteRequirement(long id, String serviceCode, String ifMatch) {
        Baseline baseline = requireDraftForUpdate(id, ifMatch);
        BaselineDto.Requirement before = BaselineDto.of(baseline)
                .requirement(serviceCode)
                .orElseThrow(() ->
                        ApiException.notFound("The basutbud revision " + id + " does not require " + serviceCode));
        baseline.requirements.removeIf(r -> r.service.code.equals(serviceCode));
        audit.record(
                AuditLog.EntityType.BASELINE_REQUIREMENT, id + "/" + serviceCode, AuditLog.Action.DELETE, before, null);
        baseline.touch(time.now());
    }

    @Transactional
    public BaselineDto publish(long id, String ifMatch) {
        Baseline baseline = lockForUpdate(id, ifMatch);
        if (baseline.isPublished()) {
            throw ApiException.conflict("The basutbud revision " + id + " was published at " + baseline.publishedAt);
        }
        if (baseline.requirements.isEmpty()) {
            throw ApiException.unprocessable("The basutbud revision " + id + " has no requirements to publish");
        }
        Optional<Baseline> sameDate = Baseline.find(
                        "status = ?1 and validFrom = ?2", BaselineStatus.PUBLISHED, baseline.validFrom)
                .firstResultOptional();
        if (sameDate.isPresent()) {
            throw ApiException.conflict(
                    "The published revision " + sameDate.get().id + " already applies from " + baseline.validFrom);
        }
        BaselineDto before = BaselineDto.of(baseline);
        baseline.status = BaselineStatus.PUBLISHED;
        baseline.publishedAt = time.now();
        baseline.publishedBy = audit.actor();
        baseline.touch(baseline.publishedAt);
        baseline.flush();
        // Base flags on contact cards follow the revision in force today: a revision valid from a later date
        // changes them on that date (every card is marked to be recomputed then), and compliance on its
        // dates at once.
        unitsChanged.fire(
                baseline.validFrom.isAfter(time.today())
                        ? UnitsChanged.allFrom(baseline.validFrom)
                        : UnitsChanged.all());
        BaselineDto after = BaselineDto.of(baseline);
        audit.record(AuditLog.EntityType.BASELINE, id + "", AuditLog.Action.PUBLISH, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        Baseline baseline = requireDraftForUpdate(id, ifMatch);
        audit.record(AuditLog.EntityType.BASELINE, id + "", AuditLog.Action.DELETE, BaselineDto.of(baseline), null);
        baseline.delete();
    }

    private static Baseline require(long id) {
        return Baseline.<Baseline>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("No basutbud revision with id " + id));
    }

    /** The revision, locked for the rest of the transaction: 404 if unknown, 412 if If-Match is stale. */
    private static Baseline lockForUpdate(long id, String ifMatch) {
        Baseline baseline = Baseline.findByIdForUpdate(id)
                .orElseThrow(() -> ApiException.notFound("No basutbud revision with id " + id));
        EntityTags.requireMatch(ifMatch, BaselineDto.of(baseline));
        return baseline;
    }

    private static Baseline requireDraftForUpdate(long id, String ifMatch) {
        Baseline baseline = lockForUpdate(id, ifMatch);
        if (baseline.isPublished()) {
            throw ApiException.conflict("The basutbud revision " + id + " is published and never changes");
        }
        return baseline;
    }
}
