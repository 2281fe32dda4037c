package se.basutbud.web;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** The answer of a create-or-replace write: 201 with a Location when it created, else 200; with its ETag. */
public final class Responses {

    private Responses() {}

    public static Response createdOrOk(boolean created, String location, Object body) {
        Response.ResponseBuilder builder =
                created ? Response.created(URI.create(location)).entity(body) : Response.ok(body);
        return EntityTags.tagged(builder, body);
    }
}
