package se.basutbud.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import se.basutbud.web.problem.ApiException;

/**
 * Strong entity tags computed from a resource's representation, and the If-Match check that makes
 * concurrent edits safe: a writer who read an older version gets 412 instead of overwriting a change it
 * never saw. The check runs in the service, on the row it has locked, so two writers cannot both pass it.
 */
public final class EntityTags {

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EntityTags() {}

    /** The strong tag of a representation, quoted as it goes in the ETag header. */
    public static String of(Object representation) {
        try {
            return '"' + sha256(CANONICAL.writeValueAsString(representation)).substring(0, 32) + '"';
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An entity tag could not be computed", e);
        }
    }

    /** The SHA-256 of a text's UTF-8 bytes, in hex: what a strong tag is made of. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of UTF-8 bytes, in hex, as {@link #sha256(String)} of the text they encode. */
    public static String sha256(byte[] utf8) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Whether a list of tags from If-Match or If-None-Match names {@code tag}; {@code *} names any.
     * {@code weak} comparison (If-None-Match, RFC 9110 §13.1.2) ignores W/ prefixes; strong (If-Match) does not.
     */
    public static boolean listed(String header, String tag, boolean weak) {
        for (String candidate : header.split(",")) {
            String value = candidate.strip();
            if (weak && value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || value.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A 412 unless If-Match is absent or names the current representation (strong comparison, RFC 9110
     * §13.1.1). {@code current} is null when the resource does not exist: then only an absent If-Match passes.
     */
    public static void requireMatch(String ifMatch, Object current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (current != null && listed(ifMatch, of(current), false)) {
            return;
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
