package se.basutbud.common;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** The answer of a create-or-replace write: 201 with a Location when it created, else 200. */
public final class Responses {

    private Responses() {
    }

    public static Response createdOrOk(boolean created, String location, Object body) {
        return created ? Response.created(URI.create(location)).entity(body).build() : Response.ok(body).build();
    }
}
