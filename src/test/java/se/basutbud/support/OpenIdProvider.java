package se.basutbud.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect server for the tests of sign-in: NAV's mock-oauth2-server, with discovery, JWKS,
 * the authorization code flow with PKCE and a login page where the test types who signs in and the claims
 * (groups, org) the region's identity provider would give them. Its tokens carry this service's audience.
 */
public final class OpenIdProvider implements AutoCloseable {

    public static final String ISSUER_ID = "region";
    public static final String CLIENT_ID = "basutbud-app";

    private final MockOAuth2Server server;

    public OpenIdProvider() {
        String config = """
                {"interactiveLogin": true,
                 "tokenCallbacks": [{"issuerId": "%s", "tokenExpiry": 3600,
                   "requestMappings": [{"requestParam": "grant_type", "match": "*",
                     "claims": {"aud": ["%s"]}}]}]}""".formatted(ISSUER_ID, TestIdentityProvider.AUDIENCE);
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(config));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString().replaceAll("/$", "");
    }

    public String jwks() {
        return server.jwksUrl(ISSUER_ID).toString();
    }

    /** A token as the provider issues it to the app for someone with this role and these organisations. */
    public String token(String subject, String role, List<String> organisations) {
        return server.issueToken(
                        ISSUER_ID,
                        CLIENT_ID,
                        new DefaultOAuth2TokenCallback(
                                ISSUER_ID,
                                subject,
                                "JWT",
                                List.of(TestIdentityProvider.AUDIENCE),
                                Map.of("groups", List.of(role), "org", organisations),
                                3600))
                .serialize();
    }

    /** Settings of the packaged service that trusts this provider and signs the app's users in with it. */
    public Map<String, String> serviceSettings() {
        Map<String, String> settings = new java.util.HashMap<>(TestIdentityProvider.packagedDatabase());
        settings.put("mp.jwt.verify.issuer", issuer());
        settings.put("mp.jwt.verify.publickey.location", jwks());
        settings.put("mp.jwt.verify.audiences", TestIdentityProvider.AUDIENCE);
        settings.put("basutbud.app.oidc.issuer", issuer());
        settings.put("basutbud.app.oidc.client-id", CLIENT_ID);
        return settings;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
