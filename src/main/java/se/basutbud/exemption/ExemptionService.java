package se.basutbud.exemption;

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
import se.basutbud.web.Saved;
import se.basutbud.web.problem.ApiException;

@ApplicationScoped
public class ExemptionService {

    private final TimeSource time;
    private final CareUnitService units;
    private final AuditLog audit;
    private final Event<UnitsChanged> unitsChanged;

    ExemptionService(TimeSource time, CareUnitService units, AuditLog audit, Event<UnitsChanged> unitsChanged) {
        this.time = time;
        this.units = units;
        this.audit = audit;
        this.unitsChanged = unitsChanged;
    }

    @Transactional
    public Saved<ExemptionDto> put(String hsaId, String serviceCode, ExemptionRequest request) {
        CareUnit unit = units.requireEditable(hsaId);
        EService service = EServiceService.requireActive(serviceCode);
        Optional<Exemption> existing = find(unit, service);
        ExemptionDto before = existing.map(ExemptionDto::of).orElse(null);
        Exemption exemption = existing.orElseGet(() -> {
            Exemption created = new Exemption();
            created.unit = unit;
            created.service = service;
            return created;
        });
        exemption.reason = request.reason().strip();
        exemption.until = request.until();
        exemption.touch(time.now());
        exemption.persistAndFlush();
        ExemptionDto after = ExemptionDto.of(exemption);
        unitsChanged.fire(UnitsChanged.unit(unit.hsaId));
        audit.record(
                AuditLog.EntityType.EXEMPTION,
                unit.hsaId + "/" + service.code,
                existing.isEmpty() ? AuditLog.Action.CREATE : AuditLog.Action.UPDATE,
                before,
                after);
        return new Saved<>(after, existing.isEmpty());
    }

    @Transactional
    public void delete(String hsaId, String serviceCode) {
        CareUnit unit = units.requireEditable(hsaId);
        EService service = EServiceService.require(serviceCode);
        Exemption exemption = find(unit, service)
                .orElseThrow(() -> ApiException.notFound(unit.hsaId + " has no exemption from " + serviceCode));
        audit.record(
                AuditLog.EntityType.EXEMPTION,
                unit.hsaId + "/" + service.code,
                AuditLog.Action.DELETE,
                ExemptionDto.of(exemption),
                null);
        exemption.delete();
        unitsChanged.fire(UnitsChanged.unit(unit.hsaId));
    }

    @Transactional
    public List<ExemptionDto> list(String hsaId) {
        CareUnit unit = CareUnitService.require(hsaId);
        return Exemption.<Exemption>list("unit = ?1 order by service.code", unit).stream()
                .map(ExemptionDto::of)
                .toList();
    }

    private static Optional<Exemption> find(CareUnit unit, EService service) {
        return Exemption.find("unit = ?1 and service = ?2", unit, service).firstResultOptional();
    }
}
