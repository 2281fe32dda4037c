package se.basutbud.imports;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

import se.basutbud.audit.AuditLog;
import se.basutbud.exemption.ExemptionDto;
import se.basutbud.exemption.ExemptionReason;
import se.basutbud.exemption.ExemptionStatus;
import se.basutbud.web.TextInput;

/** Exemptions from a file: {@code hsaId, serviceCode, reason, since, until}. */
final class ExemptionImporter extends PeriodImporter {

    ExemptionImporter(AuditLog audit) {
        super(audit);
    }

    @Override
    String table() {
        return "exemption";
    }

    @Override
    String textColumn() {
        return "reason";
    }

    @Override
    String textField() {
        return "reason";
    }

    @Override
    boolean requireActiveToChange() {
        return true;
    }

    @Override
    AuditLog.EntityType entityType() {
        return AuditLog.EntityType.EXEMPTION;
    }

    @Override
    void checkText(FieldErrors row, String reason, boolean creating) {
        if (reason == null) {
            row.error("reason", "is required");
        } else if (reason.length() > 1000) {
            row.error("reason", "must be at most 1000 characters");
        } else if (!reason.matches(TextInput.MULTI_LINE)) {
            row.error("reason", TextInput.MULTI_LINE_MESSAGE);
        }
    }

    @Override
    String standing() {
        return " and status <> 'REJECTED'";
    }

    /**
     * As through the API: an administrator's file approves its exemptions, a unit editor's asks for them (and a
     * changed exemption is asked for again); a new one's reason code is DECIDED, as the file has none.
     */
    @Override
    Map<String, Object> insertedColumns(Actor actor, Timestamp now) {
        Map<String, Object> columns = decision(actor, now);
        columns.put("reason_code", ExemptionReason.DECIDED.name());
        return columns;
    }

    @Override
    Map<String, Object> updatedColumns(Actor actor, Timestamp now) {
        return decision(actor, now);
    }

    private static Map<String, Object> decision(Actor actor, Timestamp now) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("status", (actor.administrator() ? ExemptionStatus.APPROVED : ExemptionStatus.REQUESTED).name());
        columns.put("requested_by", actor.subject());
        columns.put("decided_by", actor.administrator() ? actor.subject() : null);
        columns.put("decided_at", actor.administrator() ? now : null);
        columns.put("decision_note", null);
        return columns;
    }

    @Override
    Object dto(String serviceCode, String serviceName, Period period) {
        return new ExemptionDto(
                serviceCode, period.text, period.since, period.until, null, null, null, null, null, null);
    }
}
