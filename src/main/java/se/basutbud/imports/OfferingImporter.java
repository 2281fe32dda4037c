package se.basutbud.imports;

import se.basutbud.audit.AuditLog;
import se.basutbud.offering.OfferingDto;
import se.basutbud.web.TextInput;

/** Offerings from a file: {@code hsaId, serviceCode, url, since, until}. */
final class OfferingImporter extends PeriodImporter {

    OfferingImporter(AuditLog audit) {
        super(audit);
    }

    @Override
    String table() {
        return "offering";
    }

    @Override
    String textColumn() {
        return "url";
    }

    @Override
    String textField() {
        return "url";
    }

    @Override
    boolean requireActiveToChange() {
        return false;
    }

    @Override
    AuditLog.EntityType entityType() {
        return AuditLog.EntityType.OFFERING;
    }

    @Override
    void checkText(FieldErrors row, String url, boolean creating) {
        if (url != null && (url.length() > 500 || !url.matches(TextInput.WEB_URL))) {
            row.error("url", url.length() > 500 ? "must be at most 500 characters" : TextInput.WEB_URL_MESSAGE);
        }
    }

    @Override
    Object dto(String serviceCode, String serviceName, Period period) {
        return new OfferingDto(serviceCode, serviceName, period.text, period.since, period.until);
    }
}
