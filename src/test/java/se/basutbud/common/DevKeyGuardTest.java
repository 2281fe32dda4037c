package se.basutbud.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** Plain unit test: the guard decides at start-up, before any request could show it. */
class DevKeyGuardTest {

    @Test
    void productionRefusesTheDevIssuerOrKey() {
        assertThrows(IllegalStateException.class, () -> DevKeyGuard.check(LaunchMode.NORMAL,
                Optional.of("https://basutbud.local/dev-only"), Optional.of("/etc/keys/idp.pem")));
        assertThrows(IllegalStateException.class, () -> DevKeyGuard.check(LaunchMode.NORMAL,
                Optional.of("https://idp.region.se"), Optional.of("dev-jwt/public-key.pem")));
    }

    @Test
    void productionAcceptsTheRegionsIdentityProviderAndDevModeItsOwnKey() {
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.NORMAL, Optional.of("https://idp.region.se"),
                Optional.of("https://idp.region.se/jwks.json")));
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.DEVELOPMENT, Optional.of("https://basutbud.local/dev-only"),
                Optional.of("dev-jwt/public-key.pem")));
        assertDoesNotThrow(() -> DevKeyGuard.check(LaunchMode.NORMAL, Optional.empty(), Optional.empty()));
    }
}
