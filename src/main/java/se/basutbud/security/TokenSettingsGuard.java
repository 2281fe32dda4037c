package se.basutbud.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production service whose token settings would accept tokens not meant for it: the
 * dev-only issuer or key, or the region's identity provider without an audience, which would accept a token
 * the provider issued for any other API of the region.
 */
@Singleton
class TokenSettingsGuard {

    void check(
            @Observes StartupEvent event,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<List<String>> audiences) {
        check(LaunchMode.current(), issuer, keyLocation, audiences);
    }

    static void check(
            LaunchMode mode, Optional<String> issuer, Optional<String> keyLocation, Optional<List<String>> audiences) {
        if (mode != LaunchMode.NORMAL) {
            return;
        }
        if (issuer.filter(DevTokenResource.DEV_ISSUER::equals).isPresent()
                || keyLocation.filter(location -> location.contains("dev-jwt")).isPresent()) {
            throw new IllegalStateException(
                    "The dev-only token issuer or key is configured in production; "
                            + "set MP_JWT_VERIFY_ISSUER and MP_JWT_VERIFY_PUBLICKEY_LOCATION to the region's identity provider");
        }
        if (issuer.isEmpty() || keyLocation.isEmpty()) {
            // Fail closed but keep serving the public reads: every operation that needs a token answers 401.
            Logger.getLogger(TokenSettingsGuard.class)
                    .warn("Tokens cannot be verified until MP_JWT_VERIFY_ISSUER, "
                            + "MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM public key or a JWKS URL) and MP_JWT_VERIFY_AUDIENCES "
                            + "are set; only public reads will succeed");
            return;
        }
        if (audiences
                .filter(list -> list.stream().anyMatch(audience -> !audience.isBlank()))
                .isEmpty()) {
            throw new IllegalStateException("The identity provider is configured without an audience; set "
                    + "MP_JWT_VERIFY_AUDIENCES to the aud its tokens carry for this API, so that tokens issued for "
                    + "other APIs are refused");
        }
    }
}
