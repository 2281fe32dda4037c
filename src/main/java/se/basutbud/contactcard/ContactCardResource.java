package se.basutbud.contactcard;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

import se.basutbud.BasutbudConfig;
import se.basutbud.web.QueryParams;
import se.basutbud.web.problem.ApiException;

@Path("/api/v1/contact-cards")
@Tag(
        name = "Contact cards",
        description = "Each unit's e-services for 1177 and the region's website: cached, revalidated, synced")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ContactCardResource {

    private final ContactCardService service;
    private final String cacheControl;

    ContactCardResource(ContactCardService service, BasutbudConfig config) {
        this.service = service;
        this.cacheControl = cacheControl(config);
    }

    static String cacheControl(BasutbudConfig config) {
        return "public, max-age=" + config.contactCard().maxAge();
    }

    @GET
    @Path("/{hsaId}")
    @Operation(
            summary = "A unit's contact card",
            description = "Cacheable; send If-None-Match with the ETag to revalidate. "
                    + "Clients that accept deflate get the card as it is stored, deflated; others may get it gzipped.")
    @APIResponse(
            responseCode = "200",
            description = "The card",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "Cache-Control")},
            content = @Content(schema = @Schema(implementation = ContactCardDto.class)))
    @APIResponse(
            responseCode = "304",
            description = "Unchanged since the tag given in If-None-Match",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Cache-Control", ref = "Cache-Control")})
    @APIResponse(responseCode = "400", description = "Not an HSA-id")
    @APIResponse(responseCode = "404", description = "No such unit, or it is closed")
    public Response getContactCard(
            @PathParam("hsaId") String hsaId,
            @Parameter(description = "Entity tags the client has") @HeaderParam(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @Context RoutingContext routing) {
        // A card gets here only when CachedCardRoute has not answered it: then it found no card, or its read failed.
        CachedCardRoute.Handed handed = routing.get(CachedCardRoute.HANDED);
        if (handed != null && handed.failure() != null) {
            throw handed.failure() instanceof RuntimeException e ? e : new IllegalStateException(handed.failure());
        }
        Optional<CompressedCard> found = handed == null ? service.card(hsaId) : Optional.empty();
        CompressedCard card = found.orElseThrow(() ->
                ApiException.notFound("No open care unit with HSA-id " + hsaId.toUpperCase(java.util.Locale.ROOT)));
        CardAnswer answer = CardAnswer.of(
                card, ifNoneMatch, acceptEncoding, routing.request().version() == HttpVersion.HTTP_2, cacheControl);
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body());
        answer.headers().forEach(response::header);
        return response.build();
    }

    @GET
    @Operation(
            summary = "Sync feed of contact cards",
            description =
                    "Without after: every current card, page by page. "
                            + "With the last cursor: only cards that changed since, and {hsaId, removed: true} for units that closed.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the feed (Cache-Control: no-store)",
            headers = @Header(name = "Cache-Control", ref = "Cache-Control"),
            content = @Content(schema = @Schema(implementation = ContactCardFeed.class)))
    @APIResponse(responseCode = "400", description = "The cursor or size is invalid")
    public Response getContactCardFeed(
            @Parameter(description = "The cursor of the previous answer") @QueryParam("after") String after,
            @Parameter(
                            description = "Page size, 1 to 500",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "500",
                                            defaultValue = "100"))
                    @QueryParam("size")
                    String size) {
        String json =
                service.feed(after, QueryParams.integer("size", size, 100, 1, se.basutbud.web.PageRequest.MAX_SIZE));
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
