package se.basutbud.app;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the app signs people in: the region's identity provider (an OpenID Connect issuer) and the app's
 * public client there, which uses the authorization code flow with PKCE and has this service's address as
 * its redirect URI.
 */
@ConfigMapping(prefix = "basutbud.app.oidc")
public interface AppSettings {

    /** The issuer URL; its /.well-known/openid-configuration names the endpoints. Absent: no sign-in. */
    Optional<URI> issuer();

    /** The app's client id at the identity provider (a public client: no secret). */
    @WithDefault("basutbud-app")
    String clientId();

    /** The scopes asked for; the access token must carry groups and org and this API's audience. */
    @WithDefault("openid")
    String scope();

    /** The origin of the issuer, which the pages may call (discovery and token endpoints). */
    default Optional<String> issuerOrigin() {
        return issuer().map(uri -> uri.getScheme() + "://" + uri.getRawAuthority());
    }
}
