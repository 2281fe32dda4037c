package se.basutbud.residents;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.basutbud.TimeSource;
import se.basutbud.audit.AuditLog;
import se.basutbud.careunit.CareUnit;
import se.basutbud.careunit.CareUnitService;
import se.basutbud.security.BackDating;
import se.basutbud.web.Saved;

/**
 * A unit's listed residents, with history: a figure from a date is added, or replaced when one from that same
 * date exists; earlier figures stay, so that "how many residents did the unit have on D" stays answerable.
 */
@ApplicationScoped
public class ListedResidentsService {

    private final TimeSource time;
    private final CareUnitService units;
    private final AuditLog audit;
    private final BackDating backDating;

    ListedResidentsService(TimeSource time, CareUnitService units, AuditLog audit, BackDating backDating) {
        this.time = time;
        this.units = units;
        this.audit = audit;
        this.backDating = backDating;
    }

    @Transactional
    public Saved<ListedResidentsDto> put(String hsaId, ListedResidentsRequest request) {
        CareUnit unit = units.requireEditable(hsaId);
        LocalDate from = request.from() != null ? request.from() : time.today();
        backDating.requireMayChangeFrom(from, "A figure from");
        ListedResidents figure = ListedResidents.from(unit, from).orElse(null);
        boolean created = figure == null;
        ListedResidentsDto before = created ? null : ListedResidentsDto.of(figure);
        if (created) {
            figure = new ListedResidents();
            figure.unit = unit;
            figure.validFrom = from;
        }
        figure.count = request.count();
        figure.touch(time.now());
        figure.persistAndFlush();
        ListedResidentsDto after = ListedResidentsDto.of(figure);
        if (!after.equals(before)) {
            audit.record(
                    AuditLog.EntityType.LISTED_RESIDENTS,
                    unit.hsaId + "/" + from,
                    created ? AuditLog.Action.CREATE : AuditLog.Action.UPDATE,
                    before,
                    after);
        }
        return new Saved<>(after, created);
    }

    @Transactional
    public List<ListedResidentsDto> history(String hsaId) {
        return ListedResidents.history(CareUnitService.require(hsaId)).stream()
                .map(ListedResidentsDto::of)
                .toList();
    }
}
