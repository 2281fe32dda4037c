package se.basutbud.contactcard;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * The documented shape of the sync feed; the service writes stored cards into it without re-encoding them.
 * Every item says by {@code removed} which of the two it is, so that exactly one schema matches it and a generated
 * client can tell them apart.
 */
@Schema(name = "ContactCardFeed")
public record ContactCardFeed(
        @Schema(description = "Changed cards (removed: false), and {hsaId, removed: true} for units that closed")
        List<Item> items,

        @Schema(description = "Opaque; pass it as after to get what changed since")
        String cursor,

        @Schema(description = "Whether more changes can be fetched at once")
        boolean hasMore) {

    /** Told apart by {@code removed}, a boolean: OpenAPI's discriminator takes strings only, so none is declared. */
    @Schema(
            name = "ContactCardFeedItem",
            description = "A changed card (removed: false), or a unit that closed (removed: true)",
            oneOf = {Changed.class, Removed.class})
    public interface Item {}

    @Schema(
            name = "ChangedContactCard",
            description = "A card as GET /contact-cards/{hsaId} answers it, marked removed: false",
            allOf = ContactCardDto.class,
            requiredProperties = "removed",
            properties = @SchemaProperty(name = "removed", type = SchemaType.BOOLEAN, enumeration = "false"))
    public interface Changed extends Item {}

    @Schema(
            name = "RemovedContactCard",
            description = "A unit that closed since the sync began; drop its card",
            requiredProperties = {"hsaId", "removed"})
    public record Removed(
            @Schema(examples = "SE2321000073-1234") String hsaId,
            @Schema(enumeration = "true") boolean removed) implements Item {}
}
