package se.basutbud.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;

import se.basutbud.web.problem.ApiException;

/**
 * Tokens for local use, signed with the dev-only key: {@code curl 'localhost:8080/dev/token?role=basutbud-admin'}.
 * Exists in dev mode and tests only; the packaged service has neither this resource nor the key.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@Path("/dev/token")
public class DevTokenResource {

    static final String DEV_ISSUER = "https://basutbud.local/dev-only";

    private final Set<String> audiences;

    DevTokenResource(@ConfigProperty(name = "mp.jwt.verify.audiences") Optional<Set<String>> audiences) {
        this.audiences = audiences.orElse(Set.of());
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String devToken(
            @QueryParam("role") String role, @QueryParam("org") String org, @QueryParam("sub") String subject) {
        if (role == null
                || !Set.of(Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN).contains(role)) {
            throw ApiException.badRequest("role", "must be one of reader, unit-editor, basutbud-admin");
        }
        Set<String> organisations = org == null || org.isBlank()
                ? Set.of()
                : Arrays.stream(org.split(",")).map(String::strip).collect(Collectors.toSet());
        return Jwt.issuer(DEV_ISSUER)
                .subject(subject == null || subject.isBlank() ? "dev-" + role : subject)
                .groups(role)
                .claim("org", organisations)
                .audience(audiences)
                .expiresIn(Duration.ofHours(8))
                .sign();
    }
}
