package se.basutbud.exemption;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import se.basutbud.TimeSource;
import se.basutbud.audit.AuditLog;
import se.basutbud.careunit.CareUnit;
import se.basutbud.careunit.CareUnitService;
import se.basutbud.change.UnitsChanged;
import se.basutbud.db.OptionalConditions;
import se.basutbud.eservice.EService;
import se.basutbud.eservice.EServiceService;
import se.basutbud.security.BackDating;
import se.basutbud.security.Caller;
import se.basutbud.web.Page;
import se.basutbud.web.PageRequest;
import se.basutbud.web.Saved;
import se.basutbud.web.TextInput;
import se.basutbud.web.problem.ApiException;

@ApplicationScoped
public class ExemptionService {

    private final TimeSource time;
    private final CareUnitService units;
    private final AuditLog audit;
    private final Event<UnitsChanged> unitsChanged;
    private final BackDating backDating;
    private final Caller caller;

    ExemptionService(
            TimeSource time,
            CareUnitService units,
            AuditLog audit,
            Event<UnitsChanged> unitsChanged,
            BackDating backDating,
            Caller caller) {
        this.time = time;
        this.caller = caller;
        this.backDating = backDating;
        this.units = units;
        this.audit = audit;
        this.unitsChanged = unitsChanged;
    }

    /**
     * Starts a period of exemption, or changes the one in force or ahead: its reason, its end, and its start
     * when one is given. Periods of one service never overlap. An administrator's write is approved at once; a
     * unit editor's is a request (a changed exemption is asked for again), which counts only once approved.
     */
    @Transactional
    public Saved<ExemptionDto> put(String hsaId, String serviceCode, ExemptionRequest request) {
        LocalDate today = time.today();
        CareUnit unit = units.requireEditable(hsaId);
        EService service = EServiceService.requireActive(serviceCode);
        List<Exemption> periods = Exemption.periods(unit, service);
        Exemption latest = periods.isEmpty() ? null : periods.get(periods.size() - 1);
        boolean changing = latest != null && latest.lastsBeyond(today);
        LocalDate since = request.since() != null ? request.since() : changing ? latest.since : today;
        if (request.until() != null && !request.until().isAfter(since)) {
            throw ApiException.unprocessable(
                    "An exemption starting " + since + " cannot end on " + request.until() + "; it must end later");
        }
        Exemption previous = changing ? (periods.size() > 1 ? periods.get(periods.size() - 2) : null) : latest;
        if (previous != null && previous.until.isAfter(since)) {
            throw ApiException.conflict(unit.hsaId + " was exempted from " + serviceCode + " from " + previous.since
                    + " until " + previous.until + "; a period starting " + since + " would overlap it");
        }
        ExemptionDto before = changing ? ExemptionDto.of(latest) : null;
        Exemption exemption;
        if (changing) {
            if (!since.equals(latest.since)) {
                backDating.requireMayChangeFrom(
                        since.isBefore(latest.since) ? since : latest.since, "Moving the exemption's start");
            }
            if (request.until() != null && !request.until().equals(latest.until)) {
                backDating.requireMayChangeFrom(request.until(), "Ending the exemption");
            }
            exemption = latest;
        } else {
            backDating.requireMayChangeFrom(since, "An exemption starting");
            exemption = new Exemption();
            exemption.unit = unit;
            exemption.service = service;
        }
        exemption.reason = request.reason().strip();
        exemption.reasonCode = request.reasonCodeOrDecided();
        exemption.since = since;
        exemption.until = request.until();
        exemption.requestedBy = audit.actor();
        boolean approved = caller.isAdministrator();
        exemption.status = approved ? ExemptionStatus.APPROVED : ExemptionStatus.REQUESTED;
        exemption.decidedBy = approved ? audit.actor() : null;
        exemption.decidedAt = approved ? time.now() : null;
        exemption.decisionNote = null;
        exemption.touch(time.now());
        exemption.persistAndFlush();
        ExemptionDto after = ExemptionDto.of(exemption);
        unitsChanged.fire(UnitsChanged.unit(unit.hsaId));
        audit.record(
                AuditLog.EntityType.EXEMPTION,
                key(unit, service),
                changing ? AuditLog.Action.UPDATE : AuditLog.Action.CREATE,
                before,
                after);
        return new Saved<>(after, !changing);
    }

    /**
     * Ends the exemption in force today, so that past reports keep it; one that has not started yet is
     * removed.
     */
    @Transactional
    public void end(String hsaId, String serviceCode) {
        LocalDate today = time.today();
        CareUnit unit = units.requireEditable(hsaId);
        EService service = EServiceService.require(serviceCode);
        Exemption exemption = Exemption.periods(unit, service).stream()
                .filter(period -> period.lastsBeyond(today))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound(
                        unit.hsaId + " has no exemption from " + serviceCode + " in force or ahead"));
        ExemptionDto before = ExemptionDto.of(exemption);
        if (exemption.since.isBefore(today)) {
            exemption.until = today;
            exemption.touch(time.now());
            audit.record(
                    AuditLog.EntityType.EXEMPTION,
                    key(unit, service),
                    AuditLog.Action.UPDATE,
                    before,
                    ExemptionDto.of(exemption));
        } else {
            exemption.delete();
            audit.record(AuditLog.EntityType.EXEMPTION, key(unit, service), AuditLog.Action.DELETE, before, null);
        }
        Exemption.flush();
        unitsChanged.fire(UnitsChanged.unit(unit.hsaId));
    }

    /**
     * An administrator's decision on the requested exemption of a unit and service (the one in force or ahead,
     * else the latest): approved, it counts from its start; rejected, it is kept as history only.
     */
    @Transactional
    public ExemptionDto decide(String hsaId, String serviceCode, boolean approve, String note) {
        LocalDate today = time.today();
        CareUnit unit = units.requireEditable(hsaId);
        EService service = EServiceService.require(serviceCode);
        List<Exemption> requested = Exemption.periods(unit, service).stream()
                .filter(period -> period.status == ExemptionStatus.REQUESTED)
                .toList();
        Exemption exemption = requested.stream()
                .filter(period -> period.lastsBeyond(today))
                .findFirst()
                .orElse(requested.isEmpty() ? null : requested.get(requested.size() - 1));
        if (exemption == null) {
            throw ApiException.conflict(unit.hsaId + " has no requested exemption from " + serviceCode + " to decide");
        }
        ExemptionDto before = ExemptionDto.of(exemption);
        exemption.status = approve ? ExemptionStatus.APPROVED : ExemptionStatus.REJECTED;
        exemption.decidedBy = audit.actor();
        exemption.decidedAt = time.now();
        exemption.decisionNote = TextInput.blankToNull(note);
        exemption.touch(time.now());
        exemption.persistAndFlush();
        ExemptionDto after = ExemptionDto.of(exemption);
        if (approve) {
            unitsChanged.fire(UnitsChanged.unit(unit.hsaId));
        }
        audit.record(AuditLog.EntityType.EXEMPTION, key(unit, service), AuditLog.Action.UPDATE, before, after);
        return after;
    }

    /** The administrators' queue: exemptions by status and, optionally, those ending before a date. */
    @Transactional
    public Page<UnitExemptionDto> queue(ExemptionStatus status, LocalDate endingBefore, PageRequest page) {
        OptionalConditions conditions = new OptionalConditions()
                .add("status = :status", "status", status)
                .add("until is not null and until < :endingBefore and until > :today", "endingBefore", endingBefore);
        Map<String, Object> params = new java.util.HashMap<>(conditions.params());
        if (endingBefore != null) {
            params.put("today", time.today());
        }
        return Page.of(
                Exemption.find(
                        conditions.query(), Sort.by("until").and("unit.hsaId").and("service.code"), params),
                page,
                UnitExemptionDto::of);
    }

    @Transactional
    public List<ExemptionDto> list(String hsaId) {
        CareUnit unit = CareUnitService.require(hsaId);
        return Exemption.<Exemption>list("unit = ?1 order by service.code, since, id", unit).stream()
                .map(ExemptionDto::of)
                .toList();
    }

    private static String key(CareUnit unit, EService service) {
        return unit.hsaId + "/" + service.code;
    }
}
