package se.basutbud.exemption;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.web.TextInput;

@Schema(name = "ExemptionWrite", description = "Exempt a unit from one base e-service, or change its exemption")
public record ExemptionRequest(
        @Schema(maxLength = 1000, examples = "The unit has no vaccination room until the rebuild is done")
        @NotBlank
        @Size(max = 1000)
        @Pattern(regexp = TextInput.MULTI_LINE, message = TextInput.MULTI_LINE_MESSAGE)
        String reason,

        @Schema(
                description = "First day the exemption applies; defaults to today for a new exemption and to the"
                        + " current start for a change")
        LocalDate since,

        @Schema(description = "First day the exemption no longer applies; omit for no end")
        LocalDate until,

        @Schema(description = "Why, as a code; DECIDED when absent")
        ExemptionReason reasonCode) {

    /** The reason code given, or DECIDED. */
    ExemptionReason reasonCodeOrDecided() {
        return reasonCode == null ? ExemptionReason.DECIDED : reasonCode;
    }
}
