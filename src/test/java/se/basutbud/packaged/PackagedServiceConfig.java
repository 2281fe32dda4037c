package se.basutbud.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import se.basutbud.common.LocalPostgres;

/**
 * Production configuration for the packaged service: an identity provider of its own (a key pair made for
 * this run, so the dev-only key is not trusted), and the embedded database unless QUARKUS_DATASOURCE_*
 * variables name a server (the process inherits them).
 */
public class PackagedServiceConfig implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://idp.example.se/packaged-test";
    static KeyPair identityProvider;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            identityProvider = generator.generateKeyPair();
            Path publicKey = Files.createTempFile("basutbud-it-", ".pem");
            publicKey.toFile().deleteOnExit();
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(identityProvider.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            config.put("mp.jwt.verify.publickey.location", publicKey.toString());
            config.put("mp.jwt.verify.issuer", ISSUER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            config.put("quarkus.datasource.jdbc.url", LocalPostgres.jdbcUrl());
            config.put("quarkus.datasource.username", "postgres");
            config.put("quarkus.datasource.password", "postgres");
        }
        return config;
    }

    @Override
    public void stop() {
        // The embedded server stops with the test JVM.
    }
}
