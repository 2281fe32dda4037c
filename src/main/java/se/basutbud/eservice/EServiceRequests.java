package se.basutbud.eservice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.web.TextInput;

public final class EServiceRequests {

    static final String CODE_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private EServiceRequests() {}

    @Schema(name = "EServiceCreate", description = "A new e-service")
    public record Create(
            @Schema(examples = "tidbokning", maxLength = 64, pattern = CODE_PATTERN)
            @NotNull
            @Size(max = 64)
            @Pattern(regexp = CODE_PATTERN, message = "must be lower-case ASCII words joined by hyphens")
            String code,

            @Schema(examples = "Boka tid", maxLength = 200)
            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
            String name,

            @Schema(examples = "Book an appointment", maxLength = 200)
            @Size(max = 200)
            @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
            String nameEn,

            @Schema(maxLength = 2000)
            @Size(max = 2000)
            @Pattern(regexp = TextInput.MULTI_LINE, message = TextInput.MULTI_LINE_MESSAGE)
            String description,

            @Schema(description = "Defaults to ACTIVE") EServiceStatus status) {}

    @Schema(name = "EServiceUpdate", description = "Replaces everything but the code")
    public record Update(
            @Schema(examples = "Förnya recept", maxLength = 200)
            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
            String name,

            @Schema(maxLength = 200)
            @Size(max = 200)
            @Pattern(regexp = TextInput.SINGLE_LINE, message = TextInput.SINGLE_LINE_MESSAGE)
            String nameEn,

            @Schema(maxLength = 2000)
            @Size(max = 2000)
            @Pattern(regexp = TextInput.MULTI_LINE, message = TextInput.MULTI_LINE_MESSAGE)
            String description,

            @NotNull EServiceStatus status) {}
}
