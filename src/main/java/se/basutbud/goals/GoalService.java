package se.basutbud.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import se.basutbud.TimeSource;
import se.basutbud.audit.AuditLog;
import se.basutbud.eservice.EService;
import se.basutbud.web.EntityTags;
import se.basutbud.web.Page;
import se.basutbud.web.PageRequest;
import se.basutbud.web.TextInput;
import se.basutbud.web.problem.ApiException;

/** Goals: created, replaced and deleted by administrators, audited, each read with its progress. */
@ApplicationScoped
public class GoalService {

    private final TimeSource time;
    private final AuditLog audit;
    private final GoalProgress progress;

    GoalService(TimeSource time, AuditLog audit, GoalProgress progress) {
        this.time = time;
        this.audit = audit;
        this.progress = progress;
    }

    /** Every goal with its progress, those with the status asked for (all when null), by deadline. */
    @Transactional
    public Page<GoalDto> list(GoalStatus status, PageRequest page) {
        LocalDate today = time.today();
        List<GoalDto> matching = Goal.<Goal>findAll(Sort.by("deadline").and("id")).stream()
                .map(goal -> GoalDto.of(goal, progress.of(goal, today)))
                .filter(goal -> status == null || goal.progress().status() == status)
                .toList();
        int first = Math.min(matching.size(), page.page() * page.size());
        return new Page<>(
                matching.subList(first, Math.min(matching.size(), first + page.size())),
                page.page(),
                page.size(),
                matching.size());
    }

    @Transactional
    public GoalDto get(long id) {
        Goal goal = require(id);
        return GoalDto.of(goal, progress.of(goal, time.today()));
    }

    @Transactional
    public GoalDto create(GoalRequest request) {
        Goal goal = new Goal();
        goal.createdBy = audit.actor();
        apply(goal, request, time.today().minusYears(1));
        goal.touch(time.now());
        goal.persist();
        GoalDto created = GoalDto.of(goal, progress.of(goal, time.today()));
        audit.record(AuditLog.EntityType.GOAL, key(goal), AuditLog.Action.CREATE, null, created.definition());
        return created;
    }

    @Transactional
    public GoalDto replace(long id, GoalRequest request, String ifMatch) {
        Goal goal = requireForUpdate(id);
        GoalDto before = GoalDto.of(goal, null);
        EntityTags.requireMatch(ifMatch, before);
        apply(goal, request, goal.from);
        goal.touch(time.now());
        GoalDto after = GoalDto.of(goal, progress.of(goal, time.today()));
        if (!after.definition().equals(before)) {
            audit.record(AuditLog.EntityType.GOAL, key(goal), AuditLog.Action.UPDATE, before, after.definition());
        }
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        Goal goal = requireForUpdate(id);
        GoalDto before = GoalDto.of(goal, null);
        EntityTags.requireMatch(ifMatch, before);
        goal.delete();
        audit.record(AuditLog.EntityType.GOAL, key(goal), AuditLog.Action.DELETE, before, null);
    }

    private static void apply(Goal goal, GoalRequest request, LocalDate defaultFrom) {
        if (request.metric().followsAService()) {
            if (request.serviceCode() == null || request.serviceCode().isBlank()) {
                throw ApiException.badRequest("serviceCode", "is required for " + request.metric());
            }
            goal.service = EService.findByCode(request.serviceCode().strip())
                    .orElseThrow(() -> ApiException.badRequest("serviceCode", "no e-service has that code"));
        } else if (request.serviceCode() != null) {
            throw ApiException.badRequest(
                    "serviceCode", "only SERVICE_COVERAGE and RESIDENT_COVERAGE follow an e-service");
        } else {
            goal.service = null;
        }
        LocalDate from = request.from() == null ? defaultFrom : request.from();
        if (!from.isBefore(request.deadline())) {
            throw ApiException.badRequest(
                    request.from() == null ? "deadline" : "from", "from must be before the deadline");
        }
        goal.name = request.name().strip();
        goal.metric = request.metric();
        goal.target = request.target();
        goal.deadline = request.deadline();
        goal.from = from;
        GoalRequest.Scope scope = request.scope();
        goal.careProvider = scope == null || TextInput.blankToNull(scope.careProvider()) == null
                ? null
                : scope.careProvider().strip().toUpperCase(Locale.ROOT);
        goal.administration = scope == null ? null : TextInput.blankToNull(scope.administration());
        goal.municipality = scope == null ? null : TextInput.blankToNull(scope.municipality());
        goal.unitTypes.clear();
        if (scope != null && scope.unitTypes() != null) {
            goal.unitTypes.addAll(scope.unitTypes());
        }
        goal.source = TextInput.blankToNull(request.source());
    }

    private static String key(Goal goal) {
        return String.valueOf(goal.id);
    }

    private static Goal require(long id) {
        return Goal.<Goal>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("No goal with id " + id));
    }

    private static Goal requireForUpdate(long id) {
        return Goal.<Goal>findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("No goal with id " + id));
    }
}
