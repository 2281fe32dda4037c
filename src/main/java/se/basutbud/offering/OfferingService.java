package se.basutbud.offering;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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

/**
 * Which e-services a unit offers, with history: each change starts or ends a period, none is overwritten,
 * so that "what did the unit offer on D" stays answerable. Writes lock the unit, one writer at a time.
 */
@ApplicationScoped
public class OfferingService {

    private final TimeSource time;
    private final Event<UnitsChanged> unitsChanged;
    private final CareUnitService units;
    private final AuditLog audit;
    private final BackDating backDating;

    OfferingService(
            TimeSource time,
            Event<UnitsChanged> unitsChanged,
            CareUnitService units,
            AuditLog audit,
            BackDating backDating) {
        this.backDating = backDating;
        this.time = time;
        this.unitsChanged = unitsChanged;
        this.units = units;
        this.audit = audit;
    }

    @Transactional
    public Saved<OfferingDto> offer(String hsaId, String serviceCode, OfferingRequest request) {
        LocalDate today = time.today();
        CareUnit unit = units.requireEditable(hsaId);
        EService service = EServiceService.requireActive(serviceCode);
        List<Offering> periods = Offering.periods(unit, service);
        Offering latest = periods.isEmpty() ? null : periods.get(periods.size() - 1);

        if (latest != null && (latest.isOpen() || latest.until.isAfter(today))) {
            // Already offered (or offered until a withdrawal still ahead): keep offering, update the link.
            if (request.since() != null && request.since().isBefore(latest.since)) {
                throw ApiException.conflict(serviceCode + " is offered from " + latest.since + "; a period starting "
                        + request.since() + " would overlap it");
            }
            OfferingDto before = OfferingDto.of(latest);
            latest.url = request.url();
            latest.until = null;
            latest.touch(time.now());
            latest.flush();
            unitsChanged.fire(UnitsChanged.unit(unit.hsaId));
            OfferingDto after = OfferingDto.of(latest);
            audit.record(AuditLog.EntityType.OFFERING, key(unit, service), AuditLog.Action.UPDATE, before, after);
            return new Saved<>(after, false);
        }

        LocalDate since = request.since() != null ? request.since() : today;
        backDating.requireMayChangeFrom(since, "An offering starting");
        Optional<Offering> overlapping =
                periods.stream().filter(p -> p.until.isAfter(since)).findFirst();
        if (overlapping.isPresent()) {
            throw ApiException.conflict(serviceCode + " was offered from " + overlapping.get().since + " until "
                    + overlapping.get().until + "; a period starting " + since + " would overlap it");
        }
        Offering offering = new Offering();
        offering.unit = unit;
        offering.service = service;
        offering.url = request.url();
        offering.since = since;
        offering.touch(time.now());
        offering.persistAndFlush();
        unitsChanged.fire(UnitsChanged.unit(unit.hsaId));
        OfferingDto created = OfferingDto.of(offering);
        audit.record(AuditLog.EntityType.OFFERING, key(unit, service), AuditLog.Action.CREATE, null, created);
        return Saved.created(created);
    }

    /** Ends the ongoing period on a date (its first day without the service). */
    @Transactional
    public void withdraw(String hsaId, String serviceCode, LocalDate on) {
        LocalDate today = time.today();
        CareUnit unit = units.requireEditable(hsaId);
        // A retired service can still be withdrawn: that is how units follow its retirement.
        EService service = EServiceService.require(serviceCode);
        LocalDate end = on != null ? on : today;
        Offering open = Offering.periods(unit, service).stream()
                .filter(Offering::isOpen)
                .findFirst()
                .orElseThrow(() -> ApiException.notFound(unit.hsaId + " has no ongoing offering of " + serviceCode));
        backDating.requireMayChangeFrom(end, "A withdrawal");
        if (end.isBefore(open.since)) {
            throw ApiException.unprocessable("The offering started " + open.since + "; it cannot end on " + end);
        }
        OfferingDto before = OfferingDto.of(open);
        if (end.equals(open.since)) {
            // Withdrawn on its first day: the period never took effect.
            open.delete();
            audit.record(AuditLog.EntityType.OFFERING, key(unit, service), AuditLog.Action.DELETE, before, null);
        } else {
            open.until = end;
            open.touch(time.now());
            audit.record(
                    AuditLog.EntityType.OFFERING,
                    key(unit, service),
                    AuditLog.Action.UPDATE,
                    before,
                    OfferingDto.of(open));
        }
        Offering.flush();
        unitsChanged.fire(UnitsChanged.unit(unit.hsaId));
    }

    private static String key(CareUnit unit, EService service) {
        return unit.hsaId + "/" + service.code;
    }

    @Transactional
    public List<OfferingDto> offeredOn(String hsaId, LocalDate date) {
        CareUnit unit = CareUnitService.require(hsaId);
        return Offering.offeredOn(unit, date).stream().map(OfferingDto::of).toList();
    }

    @Transactional
    public List<OfferingDto> allPeriods(String hsaId) {
        CareUnit unit = CareUnitService.require(hsaId);
        return Offering.allPeriods(unit).stream().map(OfferingDto::of).toList();
    }

    @Transactional
    public List<OfferingDto> history(String hsaId, String serviceCode) {
        CareUnit unit = CareUnitService.require(hsaId);
        EService service = EServiceService.require(serviceCode);
        return Offering.periods(unit, service).stream().map(OfferingDto::of).toList();
    }
}
