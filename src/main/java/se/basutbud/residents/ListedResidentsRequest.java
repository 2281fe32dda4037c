package se.basutbud.residents;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ListedResidentsWrite", description = "A unit's listed residents from a date")
public record ListedResidentsRequest(
        @Schema(description = "Residents listed", examples = "12400", minimum = "0", maximum = "10000000")
        @NotNull
        @Min(0)
        @Max(10_000_000)
        Integer count,

        @Schema(description = "The first day the figure applies; defaults to today")
        LocalDate from) {}
