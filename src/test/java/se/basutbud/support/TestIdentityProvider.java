package se.basutbud.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;

import se.basutbud.db.local.LocalPostgres;

/**
 * An identity provider made for one test run, as production has one: its own key pair and issuer, so that
 * the packaged service trusts its tokens and never the dev-only key.
 */
public final class TestIdentityProvider {

    /** The audience of this service in the region's identity provider. */
    public static final String AUDIENCE = "basutbud-api";

    private final String issuer;
    private final KeyPair keys;
    private final Path publicKey;

    public TestIdentityProvider(String issuer) {
        this.issuer = issuer;
        this.keys = newKeyPair();
        try {
            publicKey = Files.createTempFile("basutbud-idp-", ".pem");
            publicKey.toFile().deleteOnExit();
            Files.writeString(
                    publicKey,
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes())
                                    .encodeToString(keys.getPublic().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh RSA key pair: also what a forger would sign with. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    public String token(String role) {
        return token(role, AUDIENCE);
    }

    /** A token for another API of the region when the audience is not this service's. */
    public String token(String role, String audience) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject("test-" + role)
                .groups(role)
                .expiresIn(Duration.ofMinutes(30))
                .sign(keys.getPrivate());
    }

    /**
     * Production settings of the packaged service: this identity provider, and the embedded database unless
     * QUARKUS_DATASOURCE_* variables name a server (the service's process inherits them).
     */
    public Map<String, String> productionSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("mp.jwt.verify.issuer", issuer);
        settings.put("mp.jwt.verify.publickey.location", publicKey.toString());
        settings.put("mp.jwt.verify.audiences", AUDIENCE);
        settings.putAll(packagedDatabase());
        return settings;
    }

    /**
     * The database of a packaged service under test: the embedded server, unless QUARKUS_DATASOURCE_*
     * variables name one (the service's process inherits them).
     */
    public static Map<String, String> packagedDatabase() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", LocalPostgres.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }
}
