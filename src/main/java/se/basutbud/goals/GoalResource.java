package se.basutbud.goals;

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

import se.basutbud.security.Roles;
import se.basutbud.web.EntityTags;
import se.basutbud.web.Page;
import se.basutbud.web.PageParams;
import se.basutbud.web.QueryParams;

@Path("/api/v1/goals")
@Tag(name = "Goals", description = "Targets with dates that management follows up, each with its progress")
@Produces(MediaType.APPLICATION_JSON)
public class GoalResource {

    private static final String PROGRESS = " Progress: the value today, monthly history from the goal's from date to"
            + " today, a least-squares line over the last 12 months evaluated at the deadline, and the status: MISSED"
            + " once the deadline has passed with the value on it below target (MET if it reached it); before that"
            + " MET when the value reaches the target, ON_TRACK when the projection does, else AT_RISK.";

    private final GoalService service;

    GoalResource(GoalService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List goals", description = "By deadline, each with its progress." + PROGRESS)
    @APIResponse(responseCode = "200", description = "A page of goals")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
    public Page<GoalDto> listGoals(
            @Parameter(
                            description = "Only goals with this status, e.g. AT_RISK: those that need attention",
                            schema = @Schema(implementation = GoalStatus.class))
                    @QueryParam("status")
                    String status,
            @BeanParam PageParams page) {
        return service.list(QueryParams.enumValue("status", status, GoalStatus.class), page.toRequest());
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get one goal with its progress",
            description = "The ETag names the goal as decided (what If-Match of PUT and DELETE compares), not its"
                    + " progress, which is computed on every read." + PROGRESS)
    @APIResponse(
            responseCode = "200",
            description = "The goal",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = GoalDto.class)))
    @APIResponse(responseCode = "400", description = "The id is not a number")
    @APIResponse(responseCode = "404", description = "No goal with that id")
    @RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
    public Response getGoal(@PathParam("id") String id) {
        return tagged(Response.ok(), service.get(QueryParams.id("id", id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set a goal",
            description = "serviceCode is required for SERVICE_COVERAGE and RESIDENT_COVERAGE and refused for the"
                    + " others; from defaults to a year before today and must be before the deadline.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new goal",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = GoalDto.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid")
    @RolesAllowed(Roles.ADMIN)
    public Response createGoal(@Valid @NotNull GoalRequest request) {
        GoalDto created = service.create(request);
        return tagged(Response.created(java.net.URI.create("/api/v1/goals/" + created.id())), created);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a goal", description = "The whole goal; from defaults to the one it had.")
    @APIResponse(
            responseCode = "200",
            description = "The goal as stored, with its progress",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(schema = @Schema(implementation = GoalDto.class)))
    @APIResponse(responseCode = "400", description = "The id is not a number, or the body is invalid")
    @APIResponse(responseCode = "404", description = "No goal with that id")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @RolesAllowed(Roles.ADMIN)
    public Response replaceGoal(
            @PathParam("id") String id,
            @Parameter(description = "The ETag read; the write is refused (412) if the goal changed since")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull GoalRequest request) {
        return tagged(Response.ok(), service.replace(QueryParams.id("id", id), request, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a goal", description = "Its audit trail stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "The id is not a number")
    @APIResponse(responseCode = "404", description = "No goal with that id")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @RolesAllowed(Roles.ADMIN)
    public void deleteGoal(
            @PathParam("id") String id,
            @Parameter(description = "The ETag read; the delete is refused (412) if the goal changed since")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.delete(QueryParams.id("id", id), ifMatch);
    }

    /** The goal with its progress, tagged by its definition. */
    private static Response tagged(Response.ResponseBuilder builder, GoalDto goal) {
        return EntityTags.tagged(builder.entity(goal), goal.definition());
    }
}
