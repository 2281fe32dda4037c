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

    private Tokens() {
    }

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

    /** Claims as the region's identity provider would issue them, for tests to change one thing. */
    public static JwtClaimsBuilder claims(String subject, String role, Object organisations) {
        return Jwt.issuer(DEV_ISSUER).audience(AUDIENCE).subject(subject).groups(role).claim("org", organisations)
                .expiresIn(Duration.ofHours(1));
    }
}
