package se.basutbud.app;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.runtime.LaunchMode;

/**
 * The app's sign-in settings, read by its script before anything else. Not part of the API's contract: it
 * describes this deployment's identity provider, not the data.
 */
@Path("/app/config")
public class AppConfigResource {

    /** What the page needs to start the authorization code flow, or to offer the dev-only sign-in. */
    public record AppConfig(String issuer, String clientId, String scope, boolean devSignIn) {}

    private final AppSettings settings;

    AppConfigResource(AppSettings settings) {
        this.settings = settings;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response appConfig() {
        // Dev mode and tests without an identity provider sign in with /dev/token, which only they have.
        boolean devSignIn = settings.issuer().isEmpty() && LaunchMode.current().isDevOrTest();
        AppConfig config = new AppConfig(
                settings.issuer().map(Object::toString).orElse(null), settings.clientId(), settings.scope(), devSignIn);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(config).cacheControl(noStore).build();
    }
}
