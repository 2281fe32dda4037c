package se.basutbud.support;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import se.basutbud.security.Roles;

/** Bearer tokens signed with the dev-only key that dev mode and tests trust. */
public final class Tokens {

    public static final String DEV_ISSUER = "https://basutbud.local/dev-only";
    /** The audience the tests' service accepts (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "basutbud";

    private static String admin;

    private Tokens() {}

    public static synchronized String admin() {
        if (admin == null) {
            admin = claims("test-admin", Roles.ADMIN, Set.of()).sign();
        }
        return admin;
    }

    public static String reader() {
        return claims("test-reader", Roles.READER, Set.of()).sign();
    }

    public static String editor(String... organisations) {
        return claims("test-editor", Roles.UNIT_EDITOR, Set.of(organisations)).sign();
    }

    /** Any JSON payload, signed with the dev-only key: for claims the token builder would refuse to write. */
    public static String signRaw(String payload) {
        try {
            org.jose4j.jws.JsonWebSignature signature = new org.jose4j.jws.JsonWebSignature();
            signature.setPayload(payload);
            signature.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.RSA_USING_SHA256);
            signature.setHeader("typ", "JWT");
            signature.setKey(io.smallrye.jwt.util.KeyUtils.readPrivateKey("dev-jwt/private-key.pem"));
            return signature.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException("The dev-only key could not sign", e);
        }
    }

    /** Claims as the region's identity provider would issue them, for tests to change one thing. */
    public static JwtClaimsBuilder claims(String subject, String role, Object organisations) {
        return Jwt.issuer(DEV_ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .groups(role)
                .claim("org", organisations)
                .expiresIn(Duration.ofHours(1));
    }
}
