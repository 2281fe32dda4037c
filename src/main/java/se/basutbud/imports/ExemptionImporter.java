package se.basutbud.imports;

import se.basutbud.audit.AuditLog;
import se.basutbud.exemption.ExemptionDto;
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
    Object dto(String serviceCode, String serviceName, Period period) {
        return new ExemptionDto(serviceCode, period.text, period.since, period.until);
    }
}
