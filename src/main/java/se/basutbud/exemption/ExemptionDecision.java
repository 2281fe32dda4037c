package se.basutbud.exemption;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.web.TextInput;

/** An administrator's approval or rejection of a requested exemption, and why. */
@Schema(name = "ExemptionDecisionWrite", description = "Why the exemption is approved or rejected")
public record ExemptionDecision(
        @Schema(
                maxLength = 2000,
                examples = "Beslutat i sjukvårdsledningen 2026-11-12; gäller tills ombyggnaden är klar")
        @Size(max = 2000)
        @Pattern(regexp = TextInput.MULTI_LINE, message = TextInput.MULTI_LINE_MESSAGE)
        String note) {}
