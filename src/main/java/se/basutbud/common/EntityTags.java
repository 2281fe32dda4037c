package se.basutbud.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Strong entity tags computed from a resource's representation, and the If-Match check that makes
 * concurrent edits safe: a writer who read an older version gets 412 instead of overwriting a change it
 * never saw. The check runs in the service, on the row it has locked, so two writers cannot both pass it.
 */
public final class EntityTags {

    private static final ObjectMapper CANONICAL = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EntityTags() {
    }

    /** The strong tag of a representation, quoted as it goes in the ETag header. */
    public static String of(Object representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(representation).getBytes(StandardCharsets.UTF_8));
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("An entity tag could not be computed", e);
        }
    }

    /**
     * A 412 unless If-Match is absent or names the current representation (strong comparison, RFC 9110
     * §13.1.1). {@code current} is null when the resource does not exist: then only an absent If-Match passes.
     */
    public static void requireMatch(String ifMatch, Object current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (current != null) {
            String tag = of(current);
            for (String candidate : ifMatch.split(",")) {
                String value = candidate.strip();
                if (value.equals("*") || value.equals(tag)) {
                    return;
                }
            }
        }
        throw ApiException.preconditionFailed("The resource has changed since it was read (If-Match " + ifMatch.strip()
                + "); read it again and reapply the change");
    }

    /** 200 with the representation and its tag. */
    public static Response ok(Object representation) {
        return tagged(Response.ok(representation), representation);
    }

    public static Response tagged(Response.ResponseBuilder builder, Object representation) {
        return builder.header(HttpHeaders.ETAG, of(representation)).build();
    }
}
