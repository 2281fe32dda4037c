package se.basutbud.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Refuses, as an invalid token (401), a token whose caller the service cannot record: a name (the audit
 * trail's actor) longer than the audit keeps, or claims of shapes the parser fails on (groups as an object).
 * Without this, every write with the first failed at the audit row, and every call with the second, as a 500. Runs inside {@link VerifiedTokenCache}, so a refused token is never remembered.
 */
@Decorator
@Priority(20)
abstract class TokenLimits implements JWTParser {

    /** The audit's actor column (V8__create_audit_event.sql). */
    static final int MAX_NAME_LENGTH = 200;

    @Inject
    @Delegate
    @Any
    JWTParser delegate;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken parsed;
        try {
            parsed = delegate.parse(token);
        } catch (RuntimeException shape) {
            // A signed token whose claims have shapes the parser does not expect (groups as an object).
            throw new ParseException("The token's claims are not of the expected shape", shape);
        }
        // The subject is who the audit says acted (Caller.subject).
        String subject = parsed.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_NAME_LENGTH) {
            throw new ParseException("The token has no subject, or one longer than " + MAX_NAME_LENGTH + " characters");
        }
        return parsed;
    }
}
