package se.basutbud.contactcard;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The documented shape of the sync feed; the resource writes stored cards into it without re-encoding them. */
@Schema(name = "ContactCardFeed")
public record ContactCardFeed(
        @Schema(description = "Changed cards, and {hsaId, removed: true} for units that closed",
                oneOf = { ContactCardDto.class, ContactCardFeed.Removed.class })
        List<Object> items,
        @Schema(description = "Opaque; pass it as after to get what changed since") String cursor,
        @Schema(description = "Whether more changes can be fetched at once") boolean hasMore) {

    @Schema(name = "RemovedContactCard")
    public record Removed(String hsaId, @Schema(enumeration = "true") boolean removed) {
    }
}
