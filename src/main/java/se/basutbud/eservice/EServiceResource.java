package se.basutbud.eservice;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.basutbud.security.Roles;
import se.basutbud.web.EntityTags;
import se.basutbud.web.Page;
import se.basutbud.web.PageParams;
import se.basutbud.web.QueryParams;
import se.basutbud.web.Saved;
import se.basutbud.web.problem.Problem;

@Path("/api/v1/e-services")
@Tag(name = "E-services", description = "The catalogue of 1177 e-services")
@Produces(MediaType.APPLICATION_JSON)
public class EServiceResource {

    private final EServiceService service;

    EServiceResource(EServiceService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List e-services", description = "Ordered by code.")
    @APIResponse(responseCode = "200", description = "A page of e-services")
    @APIResponse(
            responseCode = "400",
            description = "A query parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PermitAll
    public Page<EServiceDto> listEServices(
            @Parameter(
                            description = "Only services with this status",
                            schema = @Schema(implementation = EServiceStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Text in code, name or English name") @QueryParam("q") String q,
            @BeanParam PageParams page) {
        return service.list(
                QueryParams.enumValue("status", status, EServiceStatus.class),
                QueryParams.text("q", q),
                page.toRequest());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get one e-service", description = "Retired ones too. The ETag goes in If-Match of an update.")
    @APIResponse(
            responseCode = "200",
            description = "The e-service; its ETag goes in If-Match of an update",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = EServiceDto.class)))
    @APIResponse(responseCode = "404", description = "No e-service with that code")
    @PermitAll
    public Response getEService(@PathParam("code") String code) {
        return EntityTags.ok(service.get(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add an e-service to the catalogue",
            description = "The code is chosen once and never changes; status defaults to ACTIVE.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new e-service",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = EServiceDto.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid")
    @APIResponse(responseCode = "409", description = "An e-service with that code exists")
    @RolesAllowed(Roles.ADMIN)
    public Response createEService(@Valid @NotNull EServiceRequests.Create request) {
        EServiceDto created = service.create(request);
        return Saved.created(created).response("/api/v1/e-services/" + created.code());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{code}")
    @Operation(
            summary = "Replace an e-service's names, description and status",
            description = "The code never changes.")
    @APIResponse(
            responseCode = "200",
            description = "The e-service as stored",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = EServiceDto.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid")
    @APIResponse(responseCode = "404", description = "No e-service with that code")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @RolesAllowed(Roles.ADMIN)
    public Response updateEService(
            @PathParam("code") String code,
            @Parameter(description = "The ETag read; the update is refused (412) if the service changed since")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull EServiceRequests.Update request) {
        return EntityTags.ok(service.update(code, request, ifMatch));
    }
}
