package se.basutbud.exemption;

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
        LocalDate until) {

    static ExemptionDto of(Exemption exemption) {
        return new ExemptionDto(exemption.service.code, exemption.reason, exemption.since, exemption.until);
    }
}
