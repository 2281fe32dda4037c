package se.basutbud.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.NonBlocking;

/**
 * Which service and version answers: for clients checking what they talk to, and the benchmark's
 * baseline (the framework's ceiling: a constant body answered on the I/O thread, no database).
 */
@Path("/api/v1/info")
@Tag(name = "Service", description = "The service itself")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ServiceInfoResource {

    @Schema(name = "ServiceInfo")
    public record ServiceInfo(
            @Schema(examples = "basutbud") String service,
            @Schema(examples = "1.0.0") String version,

            @Schema(description = "The API's major version, as in the paths", examples = "v1")
            String api) {}

    private final ServiceInfo info;

    ServiceInfoResource(
            @ConfigProperty(name = "quarkus.application.name") String name,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        this.info = new ServiceInfo(name, version, "v1");
    }

    @GET
    @NonBlocking
    @Operation(
            summary = "The service and its version",
            description = "For clients checking what they talk to; needs no token.")
    @APIResponse(responseCode = "200", description = "Name and version")
    public ServiceInfo getServiceInfo() {
        return info;
    }
}
