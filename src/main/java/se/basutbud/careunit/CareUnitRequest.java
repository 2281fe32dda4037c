package se.basutbud.careunit;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.web.TextInput;

@Schema(name = "CareUnitWrite", description = "A care unit as written; the HSA-id is in the path")
public record CareUnitRequest(
        @Schema(examples = "Hälsocentralen Kvarnholmen", maxLength = 200)
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
        String name,

        @NotNull UnitType unitType,

        @Schema(
                description = "Defaults to SE and the organisation number of the HSA-id",
                examples = "SE2321000073",
                maxLength = 64,
                pattern = CARE_PROVIDER_PATTERN)
        @Size(max = 64)
        @Pattern(regexp = CARE_PROVIDER_PATTERN, message = "must be ASCII letters, digits and hyphens")
        String careProvider,

        @Schema(maxLength = 200)
        @Size(max = 200)
        @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
        String administration,

        @Schema(maxLength = 100)
        @Size(max = 100)
        @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
        String municipality,

        @Schema(maxLength = 300)
        @Size(max = 300)
        @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
        String address,

        @Schema(maxLength = 40)
        @Size(max = 40)
        @Pattern(regexp = "^[0-9+()\\- ]*$", message = "must be digits, spaces, +, -, ( and )")
        String phone,

        @Schema(maxLength = 500, format = "uri")
        @Size(max = 500)
        @Pattern(regexp = TextInput.WEB_URL, message = TextInput.WEB_URL_MESSAGE)
        String website,

        LocalDate openedOn,

        @Schema(description = "The first day the unit is closed")
        LocalDate closedOn) {

    static final String CARE_PROVIDER_PATTERN = "^[A-Za-z0-9-]+$";
}
