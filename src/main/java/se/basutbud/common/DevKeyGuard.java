package se.basutbud.common;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** Refuses to start a production service that would accept tokens meant for local use. */
@Singleton
class DevKeyGuard {

    void check(@Observes StartupEvent event,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation) {
        check(LaunchMode.current(), issuer, keyLocation);
    }

    static void check(LaunchMode mode, Optional<String> issuer, Optional<String> keyLocation) {
        if (mode != LaunchMode.NORMAL) {
            return;
        }
        if (issuer.filter(DevTokenResource.DEV_ISSUER::equals).isPresent()
                || keyLocation.filter(location -> location.contains("dev-jwt")).isPresent()) {
            throw new IllegalStateException("The dev-only token issuer or key is configured in production; "
                    + "set MP_JWT_VERIFY_ISSUER and MP_JWT_VERIFY_PUBLICKEY_LOCATION to the region's identity provider");
        }
        if (issuer.isEmpty() || keyLocation.isEmpty()) {
            // Fail closed but keep serving the public reads: every operation that needs a token answers 401.
            Logger.getLogger(DevKeyGuard.class).warn("Tokens cannot be verified until MP_JWT_VERIFY_ISSUER and "
                    + "MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM public key or a JWKS URL) are set; "
                    + "only public reads will succeed");
        }
    }
}
