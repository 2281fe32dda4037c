package se.basutbud.web;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/**
 * What a create-or-replace write saved, and whether it created it: answered as 201 with a Location when it
 * created, else 200, with the saved resource's ETag either way.
 */
public record Saved<T>(T resource, boolean created) {

    public static <T> Saved<T> created(T resource) {
        return new Saved<>(resource, true);
    }

    public Response response(String location) {
        Response.ResponseBuilder builder =
                created ? Response.created(URI.create(location)).entity(resource) : Response.ok(resource);
        return EntityTags.tagged(builder, resource);
    }
}
