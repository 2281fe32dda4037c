package se.basutbud.compliance;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.basutbud.TimeSource;
import se.basutbud.careunit.UnitFilterParams;
import se.basutbud.security.Roles;
import se.basutbud.web.PageParams;
import se.basutbud.web.QueryParams;

@Path("/api/v1/baselines/{id}/diff")
@Tag(name = "Compliance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.UNIT_EDITOR, Roles.ADMIN})
public class RevisionDiffResource {

    private final RevisionDiff diff;
    private final TimeSource time;

    RevisionDiffResource(RevisionDiff diff, TimeSource time) {
        this.diff = diff;
        this.time = time;
    }

    @GET
    @Operation(
            summary = "Compare two revisions",
            description = "The requirements this revision adds, removes and limits differently than another one (by"
                    + " default the one in force on asOf), and its impact: every unit open on asOf (default today),"
                    + " with the filters, assessed under both; the averages, how many units change from one status"
                    + " to another, and those units by HSA-id, a page at a time. What management reads before"
                    + " publishing next year's revision.")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @APIResponse(
            responseCode = "404",
            description = "No such revision, or none in force on asOf when against is not given")
    public RevisionDiffDtos.Diff getRevisionDiff(
            @PathParam("id") String id,
            @Parameter(
                            description = "The revision to compare against; defaults to the one in force on asOf",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    @QueryParam("against")
                    String against,
            @Parameter(
                            description = "The day of the impact; defaults to today",
                            schema = @Schema(implementation = LocalDate.class))
                    @QueryParam("asOf")
                    String asOf,
            @BeanParam UnitFilterParams filter,
            @BeanParam PageParams page) {
        return diff.diff(
                QueryParams.id("id", id),
                QueryParams.optionalId("against", against),
                QueryParams.date("asOf", asOf, time.today()),
                filter.toFilter(),
                page.toRequest());
    }
}
