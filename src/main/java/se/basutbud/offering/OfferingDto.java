package se.basutbud.offering;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Offering", description = "A period in which a unit offers an e-service")
public record OfferingDto(
        @Schema(examples = "fornya-recept") String serviceCode,

        @Schema(description = "The e-service's Swedish name", examples = "Förnya recept")
        String name,

        @Schema(description = "Where the unit's residents start the e-service")
        String url,

        @Schema(description = "First day offered") LocalDate since,

        @Schema(description = "First day no longer offered; absent while it lasts")
        LocalDate until) {

    static OfferingDto of(Offering offering) {
        return new OfferingDto(
                offering.service.code, offering.service.name, offering.url, offering.since, offering.until);
    }
}
