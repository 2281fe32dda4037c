package se.basutbud.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** Plain unit test: the guard decides at start-up, before any request could show it. */
class TokenSettingsGuardTest {

    private static final Optional<List<String>> AUDIENCE = Optional.of(List.of("basutbud"));

    @Test
    void productionRefusesTheDevIssuerOrKey() {
        assertThrows(
                IllegalStateException.class,
                () -> TokenSettingsGuard.check(
                        LaunchMode.NORMAL,
                        Optional.of("https://basutbud.local/dev-only"),
                        Optional.of("/etc/keys/idp.pem"),
                        AUDIENCE));
        assertThrows(
                IllegalStateException.class,
                () -> TokenSettingsGuard.check(
                        LaunchMode.NORMAL,
                        Optional.of("https://idp.region.se"),
                        Optional.of("dev-jwt/public-key.pem"),
                        AUDIENCE));
    }

    @Test
    void productionRefusesAnIdentityProviderWithoutAnAudience() {
        assertThrows(
                IllegalStateException.class,
                () -> TokenSettingsGuard.check(
                        LaunchMode.NORMAL,
                        Optional.of("https://idp.region.se"),
                        Optional.of("https://idp.region.se/jwks.json"),
                        Optional.empty()));
        assertThrows(
                IllegalStateException.class,
                () -> TokenSettingsGuard.check(
                        LaunchMode.NORMAL,
                        Optional.of("https://idp.region.se"),
                        Optional.of("https://idp.region.se/jwks.json"),
                        Optional.of(List.of(" "))));
    }

    @Test
    void productionAcceptsTheRegionsIdentityProviderAndDevModeItsOwnKey() {
        assertDoesNotThrow(() -> TokenSettingsGuard.check(
                LaunchMode.NORMAL,
                Optional.of("https://idp.region.se"),
                Optional.of("https://idp.region.se/jwks.json"),
                AUDIENCE));
        assertDoesNotThrow(() -> TokenSettingsGuard.check(
                LaunchMode.DEVELOPMENT,
                Optional.of("https://basutbud.local/dev-only"),
                Optional.of("dev-jwt/public-key.pem"),
                Optional.empty()));
        assertDoesNotThrow(() ->
                TokenSettingsGuard.check(LaunchMode.NORMAL, Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
