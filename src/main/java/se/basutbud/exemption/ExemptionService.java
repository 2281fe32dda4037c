package se.basutbud.exemption;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import se.basutbud.TimeSource;
import se.basutbud.audit.AuditLog;
import se.basutbud.careunit.CareUnit;
import se.basutbud.careunit.CareUnitService;
import se.basutbud.change.UnitsChanged;
import se.basutbud.eservice.EService;
import se.basutbud.eservice.EServiceService;
import se.basutbud.security.BackDating;
import se.basutbud.web.Saved;
import se.basutbud.web.problem.ApiException;

@ApplicationScoped
public class ExemptionService {

    private final TimeSource time;
    private final CareUnitService units;
    private final AuditLog audit;
    private final Event<UnitsChanged> unitsChanged;
    private final BackDating backDating;

    ExemptionService(
            TimeSource time,
            CareUnitService units,
            AuditLog audit,
            Event<UnitsChanged> unitsChanged,
            BackDating backDating) {
        this.time = time;
        this.backDating = backDating;
        this.units = units;
        this.audit = audit;
        this.unitsChanged = unitsChanged;
    }

    /**
     * Starts a period of exemption, or changes the one in force or ahead: its reason, its end, and its start
     * when one is given. Periods of one service never overlap.
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
        exemption.since = since;
        exemption.until = request.until();
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

    @Transactional
    public List<ExemptionDto> list(String hsaId) {
        CareUnit unit = CareUnitService.require(hsaId);
        return Exemption.<Exemption>list("unit = ?1 order by service.code, since", unit).stream()
                .map(ExemptionDto::of)
                .toList();
    }

    private static String key(CareUnit unit, EService service) {
        return unit.hsaId + "/" + service.code;
    }
}
