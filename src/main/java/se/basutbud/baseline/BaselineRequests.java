package se.basutbud.baseline;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.careunit.UnitType;
import se.basutbud.web.TextInput;

public final class BaselineRequests {

    private BaselineRequests() {}

    @Schema(name = "BaselineCreate", description = "A new draft revision")
    public record Create(
            @Schema(examples = "Basutbud 2027", maxLength = 200)
            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
            String name,

            @Schema(examples = "2027-01-01") @NotNull LocalDate validFrom,

            @Schema(maxLength = 2000)
            @Size(max = 2000)
            @Pattern(regexp = TextInput.MULTI_LINE, message = TextInput.MULTI_LINE_MESSAGE)
            String decision,

            @Schema(
                    description =
                            "Id of a revision whose requirements the draft starts with (retired services are left out)")
            Long copyFrom) {}

    @Schema(name = "RequirementWrite", description = "The unit types a requirement is limited to")
    public record RequirementWrite(
            @Schema(description = "Empty or missing: every unit type") @Size(max = 20)
            List<@NotNull UnitType> unitTypes) {}
}
