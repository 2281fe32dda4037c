package se.basutbud.exemption;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Exemption", description = "A period in which a unit does not have to offer a base e-service, and why")
public record ExemptionDto(
        @Schema(examples = "resevaccination") String serviceCode,

        @Schema(examples = "The unit has no vaccination room until the rebuild is done")
        String reason,

        @Schema(description = "First day the exemption applies")
        LocalDate since,

        @Schema(description = "First day the exemption no longer applies; absent for no end")
        LocalDate until,

        @Schema(description = "Only APPROVED exemptions count in compliance, coverage and contact cards")
        ExemptionStatus status,

        ExemptionReason reasonCode,

        @Schema(description = "Who asked for it or set it: the subject of their token")
        String requestedBy,

        @Schema(description = "The administrator who approved or rejected it; absent while requested")
        String decidedBy,

        Instant decidedAt,

        @Schema(description = "Why it was approved or rejected")
        String decisionNote) {

    static ExemptionDto of(Exemption exemption) {
        return new ExemptionDto(
                exemption.service.code,
                exemption.reason,
                exemption.since,
                exemption.until,
                exemption.status,
                exemption.reasonCode,
                exemption.requestedBy,
                exemption.decidedBy,
                exemption.decidedAt,
                exemption.decisionNote);
    }
}
