package se.basutbud.residents;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ListedResidents", description = "The residents listed at a unit from a date, until the next figure")
public record ListedResidentsDto(
        @Schema(description = "Residents listed", examples = "12400")
        int count,

        @Schema(description = "The first day the figure applies")
        LocalDate from) {

    static ListedResidentsDto of(ListedResidents figure) {
        return new ListedResidentsDto(figure.count, figure.validFrom);
    }
}
