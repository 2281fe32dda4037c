package se.basutbud.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import se.basutbud.support.TestIdentityProvider;
import se.basutbud.support.Tokens;

/** The memory of verified tokens in front of the JWT verifier that the service authenticates with. */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenThatVerifiedIsNotVerifiedAgain() throws ParseException {
        String token = Tokens.claims("cached", Roles.READER, Set.of()).sign();
        var first = parser.parse(token);
        assertSame(first, parser.parse(token), "the second call is answered from memory");
        assertEquals("cached", first.getSubject());
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() throws ParseException {
        // Expired a few seconds ago: the verifier still accepts it within its clock skew, the memory must not.
        String token = Tokens.claims("expired", Roles.READER, Set.of())
                .issuedAt(Instant.now().minusSeconds(60))
                .expiresAt(Instant.now().minusSeconds(5))
                .sign();
        var first = parser.parse(token);
        assertNotSame(first, parser.parse(token), "an expired token is verified again every time");
    }

    @Test
    void aTokenThatFailsIsRefusedEveryTime() {
        String forged = Tokens.claims("forged", Roles.ADMIN, Set.of())
                .sign(TestIdentityProvider.newKeyPair().getPrivate());
        assertThrows(ParseException.class, () -> parser.parse(forged));
        assertThrows(ParseException.class, () -> parser.parse(forged));
    }
}
