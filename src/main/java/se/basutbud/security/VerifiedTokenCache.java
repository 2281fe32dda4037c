package se.basutbud.security;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Remembers bearer tokens that verified, by their exact text, so that a client calling again with the same
 * token is not verified again: the RSA signature check and the parsing dominated the work of a cached answer
 * (bench/RESULTS-notes.md). What verified once stays true of the same text until the token
 * expires, and a remembered token is used only while it has not expired; entries are dropped after five
 * minutes, so a change of the identity provider's keys takes effect by then. Tokens that fail are never
 * remembered.
 */
@Decorator
@Priority(10)
abstract class VerifiedTokenCache implements JWTParser {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private final Cache<String, JsonWebToken> verified =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(KEEP).build();

    @Inject
    @Delegate
    @Any
    JWTParser delegate;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && System.currentTimeMillis() / 1000 < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken parsed = delegate.parse(token);
        verified.put(token, parsed);
        return parsed;
    }
}
