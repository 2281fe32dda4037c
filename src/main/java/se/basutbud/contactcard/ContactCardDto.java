package se.basutbud.contactcard;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.basutbud.careunit.UnitType;

@Schema(name = "ContactCard", description = "What 1177 and the region's site show of a unit's e-services")
public record ContactCardDto(
        @Schema(examples = "SE2321000073-1234") String hsaId,
        @Schema(examples = "Hälsocentralen Kvarnholmen") String name,
        UnitType unitType,
        String municipality,
        String address,
        String phone,
        String website,

        @Schema(
                description =
                        "E-services offered today: base ones first, then the rest, each in Swedish alphabetical order")
        List<CardEService> eServices,

        @Schema(description = "When what the card shows last changed")
        Instant updatedAt) {

    @Schema(name = "ContactCardEService")
    public record CardEService(
            @Schema(examples = "fornya-recept") String code,
            @Schema(examples = "Förnya recept") String name,
            String url,

            @Schema(description = "Whether the basutbud in force today requires it of this unit type")
            boolean base) {}

    /** The card as served: the same content with the time it last changed (not part of its ETag). */
    ContactCardDto withUpdatedAt(Instant at) {
        return new ContactCardDto(hsaId, name, unitType, municipality, address, phone, website, eServices, at);
    }
}
