package se.basutbud.offering;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "UnitOffering",
        description = "A period in which a unit offers an e-service, in the list of every unit's")
public record UnitOfferingDto(
        @Schema(examples = "SE2321000073-1234") String hsaId,
        @Schema(description = "The unit's name") String unitName,
        @Schema(examples = "fornya-recept") String serviceCode,

        @Schema(description = "The e-service's Swedish name")
        String serviceName,

        @Schema(description = "Where the unit's residents start the e-service")
        String url,

        @Schema(description = "First day offered") LocalDate since,

        @Schema(description = "First day no longer offered; absent while it lasts")
        LocalDate until) {}
