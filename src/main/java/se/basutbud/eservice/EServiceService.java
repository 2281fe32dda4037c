package se.basutbud.eservice;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import se.basutbud.TimeSource;
import se.basutbud.audit.AuditLog;
import se.basutbud.change.UnitsChanged;
import se.basutbud.db.OptionalConditions;
import se.basutbud.web.EntityTags;
import se.basutbud.web.Page;
import se.basutbud.web.PageRequest;
import se.basutbud.web.TextInput;
import se.basutbud.web.problem.ApiException;

@ApplicationScoped
public class EServiceService {

    private final TimeSource time;
    private final Event<UnitsChanged> unitsChanged;
    private final AuditLog audit;

    EServiceService(TimeSource time, Event<UnitsChanged> unitsChanged, AuditLog audit) {
        this.time = time;
        this.unitsChanged = unitsChanged;
        this.audit = audit;
    }

    @Transactional
    public Page<EServiceDto> list(EServiceStatus status, String text, PageRequest pageRequest) {
        OptionalConditions conditions = new OptionalConditions()
                .add("status = :status", "status", status)
                .add(
                        "(lower(code) like :text escape '\\' or lower(name) like :text escape '\\'"
                                + " or lower(coalesce(nameEn, '')) like :text escape '\\')",
                        "text",
                        text == null ? null : OptionalConditions.containsPattern(text.toLowerCase(Locale.ROOT)));
        return Page.of(
                EService.find(conditions.query(), Sort.by("code"), conditions.params()), pageRequest, EServiceDto::of);
    }

    @Transactional
    public EServiceDto get(String code) {
        return EServiceDto.of(require(code));
    }

    @Transactional
    public EServiceDto create(EServiceRequests.Create request) {
        if (EService.findByCode(request.code()).isPresent()) {
            throw ApiException.conflict("An e-service with code " + request.code() + " already exists");
        }
        EService service = new EService();
        service.code = request.code();
        service.name = request.name().strip();
        service.nameEn = TextInput.blankToNull(request.nameEn());
        service.description = TextInput.blankToNull(request.description());
        service.status = request.status() == null ? EServiceStatus.ACTIVE : request.status();
        service.touch(time.now());
        service.persistAndFlush();
        EServiceDto created = EServiceDto.of(service);
        audit.record(AuditLog.EntityType.E_SERVICE, created.code(), AuditLog.Action.CREATE, null, created);
        return created;
    }

    @Transactional
    public EServiceDto update(String code, EServiceRequests.Update request, String ifMatch) {
        EService service = EService.findByCodeForUpdate(code)
                .orElseThrow(() -> ApiException.notFound("No e-service with code " + code));
        EServiceDto before = EServiceDto.of(service);
        EntityTags.requireMatch(ifMatch, before);
        String nameBefore = service.name;
        EServiceStatus statusBefore = service.status;
        service.name = request.name().strip();
        service.nameEn = TextInput.blankToNull(request.nameEn());
        service.description = TextInput.blankToNull(request.description());
        service.status = request.status();
        service.touch(time.now());
        service.flush();
        // Names show on every card that offers the service and in reports; retiring it takes it off the cards.
        // The English name and the description show on neither.
        if (!service.name.equals(nameBefore) || service.status != statusBefore) {
            unitsChanged.fire(UnitsChanged.all());
        }
        EServiceDto after = EServiceDto.of(service);
        audit.record(AuditLog.EntityType.E_SERVICE, code, AuditLog.Action.UPDATE, before, after);
        return after;
    }

    /** The service with this code, or a 404 naming it. */
    public static EService require(String code) {
        return EService.findByCode(code).orElseThrow(() -> ApiException.notFound("No e-service with code " + code));
    }

    /** The service with this code if it can be newly required or offered: 404 if unknown, 422 if retired. */
    public static EService requireActive(String code) {
        EService service = require(code);
        if (!service.isActive()) {
            throw ApiException.unprocessable("The e-service " + code + " is retired");
        }
        return service;
    }
}
