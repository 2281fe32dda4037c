package se.basutbud.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.careunit.UnitType;
import se.basutbud.web.TextInput;

/** A goal to create, or the whole of one to replace. */
@Schema(name = "GoalWrite", description = "A target share by a deadline over a scope of units")
public record GoalRequest(
        @Schema(examples = "Boka tid på nätet vid alla hälsocentraler", maxLength = 200)
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
        String name,

        @NotNull GoalMetric metric,

        @Schema(
                description = "Required for SERVICE_COVERAGE and RESIDENT_COVERAGE, absent for the others",
                examples = "tidbokning")
        String serviceCode,

        @Schema(description = "A share in 0..1, at most four decimals", examples = "0.9", minimum = "0", maximum = "1")
        @NotNull
        @DecimalMin("0")
        @DecimalMax("1")
        @Digits(integer = 1, fraction = 4)
        BigDecimal target,

        @Schema(examples = "2027-12-31") @NotNull LocalDate deadline,

        @Schema(description = "The first month of the history; defaults to a year before the goal is created")
        LocalDate from,

        @Valid Scope scope,

        @Schema(
                description = "The decision the goal comes from",
                maxLength = 2000,
                examples = "Regionplan 2026–2028, mål 3")
        @Size(max = 2000)
        @Pattern(regexp = TextInput.MULTI_LINE, message = TextInput.MULTI_LINE_MESSAGE)
        String source) {

    @Schema(name = "GoalScopeWrite", description = "The units the goal is about; absent fields: all")
    public record Scope(
            @Schema(examples = "SE2321000073", maxLength = 64)
            @Size(max = 64)
            @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
            String careProvider,

            @Size(max = 200) @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
            String administration,

            @Schema(description = "Empty or missing: every unit type") @Size(max = 20)
            List<@NotNull UnitType> unitTypes,

            @Size(max = 100) @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
            String municipality) {}
}
