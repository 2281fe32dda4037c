package se.basutbud.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import se.basutbud.web.problem.ApiException;

/**
 * Who is calling, for the rules that roles alone cannot express: a unit editor may only change units of
 * the organisations (care providers) listed in the token's {@code org} claim, a string or an array.
 */
@ApplicationScoped
public class Caller {

    /** Set while the service itself writes, outside any request (the dev-mode sample region). */
    private static final ThreadLocal<Boolean> SYSTEM = ThreadLocal.withInitial(() -> false);

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Runs the service's own work with every right; only code in the service can call this. */
    public static void asSystem(Runnable work) {
        SYSTEM.set(true);
        try {
            work.run();
        } finally {
            SYSTEM.remove();
        }
    }

    /** An administrator, or the service itself: may do everything. */
    public boolean isAdministrator() {
        return SYSTEM.get() || identity.hasRole(Roles.ADMIN);
    }

    /** A 403 unless the caller may change units of this care provider. */
    public void requireMayEdit(String careProvider) {
        if (isAdministrator()) {
            return;
        }
        if (identity.hasRole(Roles.UNIT_EDITOR) && organisations().contains(careProvider.toUpperCase(Locale.ROOT))) {
            return;
        }
        throw ApiException.forbidden("Your token does not let you change units of care provider " + careProvider);
    }

    /**
     * The token's subject ({@code sub}), or "system" for the service's own work. Not the principal's name,
     * which comes from {@code upn} or {@code preferred_username} first: those a user may be able to change.
     */
    public String subject() {
        if (SYSTEM.get()) {
            return "system";
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** The organisations (care providers) the token names in its {@code org} claim, upper-case. */
    public Set<String> organisations() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Set.of();
        }
        Object org = token.getClaim("org");
        if (org instanceof JsonString string) {
            return Set.of(string.getString().toUpperCase(Locale.ROOT));
        }
        if (org instanceof String string) {
            return Set.of(string.toUpperCase(Locale.ROOT));
        }
        // A JSON array is a collection too. Values that are not strings (numbers, null, nested arrays) name no
        // organisation: the editor may change nothing with them, and a token shaped so is a 403, never a failure.
        if (org instanceof Collection<?> values) {
            return values.stream()
                    .map(value -> value instanceof JsonString string
                            ? string.getString()
                            : value instanceof String string ? string : null)
                    .filter(java.util.Objects::nonNull)
                    .map(value -> value.toUpperCase(Locale.ROOT))
                    .collect(Collectors.toSet());
        }
        return Set.of();
    }
}
