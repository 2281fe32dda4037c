package se.basutbud.baseline;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import io.quarkus.security.identity.SecurityIdentity;

import se.basutbud.TimeSource;
import se.basutbud.security.Roles;
import se.basutbud.web.EntityTags;
import se.basutbud.web.Page;
import se.basutbud.web.PageParams;
import se.basutbud.web.QueryParams;
import se.basutbud.web.Saved;
import se.basutbud.web.problem.ApiException;

@Path("/api/v1/baselines")
@Tag(name = "Basutbud", description = "The annually revised base set of e-services every unit must offer")
@Produces(MediaType.APPLICATION_JSON)
public class BaselineResource {

    private final BaselineService service;
    private final TimeSource time;
    private final SecurityIdentity identity;

    BaselineResource(BaselineService service, TimeSource time, SecurityIdentity identity) {
        this.service = service;
        this.time = time;
        this.identity = identity;
    }

    /**
     * Callers without a token see published revisions only, and not who published them: drafts are
     * management's work in progress, and a publisher's subject is often an e-mail address.
     */
    private BaselineDto asSeen(BaselineDto revision) {
        return identity.isAnonymous() ? revision.forPublic() : revision;
    }

    @GET
    @Operation(
            summary = "List basutbud revisions",
            description = "Newest validFrom first; drafts included for callers with a token, and publishedBy.")
    @APIResponse(responseCode = "200", description = "A page of revisions")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @PermitAll
    public Page<BaselineDto> listBaselines(@BeanParam PageParams page) {
        return service.list(page.toRequest(), identity.isAnonymous()).map(this::asSeen);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start a draft revision",
            description =
                    "copyFrom starts it with another revision's requirements, as the annual revision usually does.")
    @APIResponse(
            responseCode = "201",
            description = "The new draft",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = BaselineDto.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid")
    @APIResponse(responseCode = "422", description = "copyFrom names no revision")
    @RolesAllowed(Roles.ADMIN)
    public Response createBaseline(@Valid @NotNull BaselineRequests.Create request) {
        BaselineDto created = service.create(request);
        return Saved.created(created).response("/api/v1/baselines/" + created.id());
    }

    @GET
    @Path("/current")
    @Operation(
            summary = "The revision in force on a date",
            description = "The published revision with the latest validFrom on or before the date.")
    @APIResponse(responseCode = "200", description = "The revision in force")
    @APIResponse(responseCode = "400", description = "Not a date")
    @APIResponse(responseCode = "404", description = "No published revision applies on that date")
    @PermitAll
    public BaselineDto getCurrentBaseline(
            @Parameter(
                            description = "Defaults to today in Europe/Stockholm",
                            schema = @Schema(implementation = java.time.LocalDate.class))
                    @QueryParam("date")
                    String date) {
        java.time.LocalDate on = QueryParams.date("date", date, time.today());
        return service.inForceOn(on)
                .map(this::asSeen)
                .orElseThrow(() -> ApiException.notFound("No published basutbud revision is in force on " + on));
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get one revision",
            description =
                    "Drafts too, for callers with a token. The ETag goes in If-Match of an edit or the publication.")
    @APIResponse(
            responseCode = "200",
            description = "The revision; its ETag goes in If-Match of an edit",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = BaselineDto.class)))
    @APIResponse(responseCode = "400", description = "The id is not a number")
    @APIResponse(responseCode = "404", description = "No revision with that id (or a draft, without a token)")
    @PermitAll
    public Response getBaseline(@PathParam("id") String id) {
        long revisionId = QueryParams.id("id", id);
        BaselineDto revision = service.get(revisionId);
        if (identity.isAnonymous() && revision.status() != BaselineStatus.PUBLISHED) {
            throw ApiException.notFound("No basutbud revision with id " + revisionId);
        }
        return EntityTags.ok(asSeen(revision));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a draft revision", description = "A published revision is never deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "The id is not a number")
    @APIResponse(responseCode = "404", description = "No revision with that id")
    @APIResponse(responseCode = "409", description = "The revision is published and never changes")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @RolesAllowed(Roles.ADMIN)
    public void deleteBaseline(
            @PathParam("id") String id,
            @Parameter(description = "The ETag read; the write is refused (412) if the resource changed since")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.delete(QueryParams.id("id", id), ifMatch);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/requirements/{serviceCode}")
    @Operation(
            summary = "Require an e-service in a draft",
            description = "Creates or replaces the requirement; unitTypes limits it to those unit types.")
    @APIResponse(
            responseCode = "200",
            description = "The revision with the requirement",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = BaselineDto.class)))
    @APIResponse(responseCode = "400", description = "The id is not a number, or the body is invalid")
    @APIResponse(responseCode = "404", description = "No such revision or e-service")
    @APIResponse(responseCode = "409", description = "The revision is published and never changes")
    @APIResponse(responseCode = "422", description = "The e-service is retired")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @RolesAllowed(Roles.ADMIN)
    public Response putRequirement(
            @PathParam("id") String id,
            @PathParam("serviceCode") String serviceCode,
            @Parameter(description = "The ETag read; the write is refused (412) if the resource changed since")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull BaselineRequests.RequirementWrite request) {
        return EntityTags.ok(
                service.putRequirement(QueryParams.id("id", id), serviceCode, request.unitTypes(), ifMatch));
    }

    @DELETE
    @Path("/{id}/requirements/{serviceCode}")
    @Operation(summary = "Drop a requirement from a draft", description = "Published revisions never change.")
    @APIResponse(responseCode = "204", description = "Dropped")
    @APIResponse(responseCode = "400", description = "The id is not a number")
    @APIResponse(responseCode = "404", description = "No such revision, or it does not require the e-service")
    @APIResponse(responseCode = "409", description = "The revision is published and never changes")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @RolesAllowed(Roles.ADMIN)
    public void deleteRequirement(
            @PathParam("id") String id,
            @PathParam("serviceCode") String serviceCode,
            @Parameter(description = "The ETag read; the write is refused (412) if the resource changed since")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.deleteRequirement(QueryParams.id("id", id), serviceCode, ifMatch);
    }

    @POST
    @Path("/{id}/publish")
    @Operation(
            summary = "Publish a draft",
            description = "From then on the revision never changes; it is in force from validFrom.")
    @APIResponse(
            responseCode = "200",
            description = "The published revision",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = BaselineDto.class)))
    @APIResponse(responseCode = "400", description = "The id is not a number")
    @APIResponse(responseCode = "404", description = "No revision with that id")
    @APIResponse(
            responseCode = "409",
            description = "Already published, or another published revision has the same validFrom")
    @APIResponse(responseCode = "422", description = "The revision has no requirements")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @RolesAllowed(Roles.ADMIN)
    public Response publishBaseline(
            @PathParam("id") String id,
            @Parameter(description = "The ETag read; the write is refused (412) if the resource changed since")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return EntityTags.ok(service.publish(QueryParams.id("id", id), ifMatch));
    }
}
