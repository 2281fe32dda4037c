package se.basutbud.careunit;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.quarkus.panache.common.Sort;

import se.basutbud.TimeSource;
import se.basutbud.audit.AuditLog;
import se.basutbud.change.UnitsChanged;
import se.basutbud.db.NamedJdbc;
import se.basutbud.db.OptionalConditions;
import se.basutbud.security.Caller;
import se.basutbud.web.EntityTags;
import se.basutbud.web.Page;
import se.basutbud.web.PageRequest;
import se.basutbud.web.Saved;
import se.basutbud.web.TextInput;
import se.basutbud.web.problem.ApiException;

@ApplicationScoped
public class CareUnitService {

    private final TimeSource time;
    private final Event<UnitsChanged> unitsChanged;
    private final Caller caller;
    private final AuditLog audit;
    private final EntityManager entityManager;

    CareUnitService(
            TimeSource time,
            Event<UnitsChanged> unitsChanged,
            Caller caller,
            AuditLog audit,
            EntityManager entityManager) {
        this.entityManager = entityManager;
        this.time = time;
        this.unitsChanged = unitsChanged;
        this.caller = caller;
        this.audit = audit;
    }

    @Transactional
    public Saved<CareUnitDto> put(String hsaId, CareUnitRequest request, String ifMatch) {
        String id = HsaId.normalize(hsaId);
        if (request.closedOn() != null
                && request.openedOn() != null
                && !request.closedOn().isAfter(request.openedOn())) {
            throw ApiException.badRequest("closedOn", "must be after openedOn");
        }
        CareUnit unit = CareUnit.findByHsaIdForUpdate(id).orElse(null);
        String careProvider =
                request.careProvider() == null || request.careProvider().isBlank()
                        ? HsaId.organisation(id)
                        : request.careProvider().strip().toUpperCase(Locale.ROOT);
        if (unit != null) {
            caller.requireMayEdit(unit.careProvider);
        } else {
            // An HSA-id belongs to the organisation of its prefix: only it (or an administrator) creates a unit
            // under it, whichever care provider the unit names, so no editor can squat another's ids.
            caller.requireMayEdit(HsaId.organisation(id));
        }
        caller.requireMayEdit(careProvider);
        boolean created = unit == null;
        CareUnitDto before = created ? null : CareUnitDto.of(unit);
        EntityTags.requireMatch(ifMatch, before);
        if (created) {
            unit = new CareUnit();
            unit.hsaId = id;
        }
        unit.name = request.name().strip();
        unit.unitType = request.unitType();
        unit.careProvider = careProvider;
        unit.administration = TextInput.blankToNull(request.administration());
        unit.municipality = TextInput.blankToNull(request.municipality());
        unit.address = TextInput.blankToNull(request.address());
        unit.phone = TextInput.blankToNull(request.phone());
        unit.website = TextInput.blankToNull(request.website());
        unit.openedOn = request.openedOn();
        unit.closedOn = request.closedOn();
        unit.touch(time.now());
        unit.persistAndFlush();
        unitsChanged.fire(UnitsChanged.unit(id));
        CareUnitDto after = CareUnitDto.of(unit);
        audit.record(
                AuditLog.EntityType.CARE_UNIT,
                id,
                created ? AuditLog.Action.CREATE : AuditLog.Action.UPDATE,
                before,
                after);
        return new Saved<>(after, created);
    }

    @Transactional
    public CareUnitDto get(String hsaId) {
        return CareUnitDto.of(require(hsaId));
    }

    @Transactional
    public Page<CareUnitDto> list(UnitFilter filter, String text, boolean includeClosed, PageRequest pageRequest) {
        OptionalConditions conditions = filter.conditions(UnitFilter.Naming.ENTITY)
                .add(
                        "(lower(name) like :text escape '\\' or lower(hsaId) like :text escape '\\')",
                        "text",
                        text == null ? null : OptionalConditions.containsPattern(text.toLowerCase(Locale.ROOT)))
                .add("(closedOn is null or closedOn > :today)", "today", includeClosed ? null : time.today());
        return Page.of(
                CareUnit.find(conditions.query(), Sort.by("hsaId"), conditions.params()), pageRequest, CareUnitDto::of);
    }

    /** Every unit the list would page through, in its order, one at a time: for exports of any size. */
    @Transactional
    public void forEach(UnitFilter filter, String text, boolean includeClosed, Consumer<CareUnitDto> consumer) {
        OptionalConditions conditions = filter.conditions(UnitFilter.Naming.TABLE)
                .add(
                        "(lower(u.name) like :text escape '\\' or lower(u.hsa_id) like :text escape '\\')",
                        "text",
                        text == null ? null : OptionalConditions.containsPattern(text.toLowerCase(Locale.ROOT)))
                .add("(u.closed_on is null or u.closed_on > :today)", "today", includeClosed ? null : time.today());
        String sql = "select " + CareUnitDto.COLUMNS + " from care_unit u where true" + conditions.andClauses()
                + " order by u.hsa_id";
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (ResultSet rows = NamedJdbc.query(connection, sql, conditions.params())) {
                while (rows.next()) {
                    consumer.accept(CareUnitDto.read(rows));
                }
            }
        });
    }

    /** The unit with this HSA-id: 400 if it is not an HSA-id, 404 if unknown. */
    public static CareUnit require(String hsaId) {
        String id = HsaId.normalize(hsaId);
        return CareUnit.findByHsaId(id).orElseThrow(() -> ApiException.notFound("No care unit with HSA-id " + id));
    }

    /**
     * The unit, locked for the rest of the transaction, if the caller may change it today: 400 if not an
     * HSA-id, 404 if unknown, 403 if another organisation's, 409 if it has closed.
     */
    public CareUnit requireEditable(String hsaId) {
        String id = HsaId.normalize(hsaId);
        CareUnit unit = CareUnit.findByHsaIdForUpdate(id)
                .orElseThrow(() -> ApiException.notFound("No care unit with HSA-id " + id));
        caller.requireMayEdit(unit.careProvider);
        LocalDate today = time.today();
        if (unit.closedOn != null && !unit.closedOn.isAfter(today)) {
            throw ApiException.conflict("The care unit " + id + " closed on " + unit.closedOn);
        }
        return unit;
    }
}
