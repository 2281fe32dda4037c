package se.basutbud.imports;

import java.io.InputStream;
import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.basutbud.security.Roles;
import se.basutbud.web.Page;
import se.basutbud.web.PageParams;
import se.basutbud.web.QueryParams;

@Path("/api/v1/imports")
@Tag(
        name = "Imports",
        description = "A region's care units (from HSA or a spreadsheet), offerings and exemptions brought in by file")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.UNIT_EDITOR, Roles.ADMIN})
public class ImportResource {

    // The operations take any Content-Type and check it themselves (ImportJobs.submit), so that a caller without
    // the right learns nothing of the media types first: 401/403 before 415, as everywhere else.

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    static final String XML = "application/xml";
    static final String ZIP = "application/zip";

    private final ImportJobs jobs;
    private final ImportAccess access;

    ImportResource(ImportJobs jobs, ImportAccess access) {
        this.jobs = jobs;
        this.access = access;
    }

    @POST
    @Path("/care-units")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Import care units",
            description = "From this service's CSV (UTF-8, , or ; as the header shows; columns hsaId, name, unitType,"
                    + " careProvider, administration, municipality, address, phone, website, openedOn, closedOn, or"
                    + " HSA's names hsaIdentity, ou, businessClassificationCode, municipalityName, street,"
                    + " telephoneNumber, labeledURI, startDate, endDate), NDJSON in the CareUnit shape, or HSA's"
                    + " FileService export (FileGetHsaUnitsResponse) as XML or in a zip. A column the file lacks"
                    + " leaves that value as it is. The job runs in the background: follow it at Location. With"
                    + " mode=full and careProvider, that provider's open units the file does not list are closed"
                    + " on the import date, unless that is more than basutbud.imports.mass-close-share (10 %) of"
                    + " them and allowMassClose is not true. All or nothing: one invalid row and nothing is written.")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = XML, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "202",
            description = "Accepted: the job, queued",
            headers = @Header(name = "Location", description = "The job", schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportDtos.Job.class)))
    @APIResponse(
            responseCode = "400",
            description = "The file is empty, or a parameter is invalid (mode=full needs careProvider)")
    @APIResponse(responseCode = "403", description = "Only an administrator imports care units")
    @APIResponse(responseCode = "413", description = "The file is larger than basutbud.imports.max-file-size (50 MiB)")
    @APIResponse(responseCode = "415", description = "Not one of the media types listed")
    @RolesAllowed(Roles.ADMIN)
    public Response importCareUnits(
            InputStream file,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @BeanParam ImportParams params) {
        return accepted(jobs.submit(params.submission(ImportKind.CARE_UNITS, contentType), file));
    }

    @POST
    @Path("/offerings")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Import offerings",
            description = "Rows hsaId, serviceCode, url, since (default the import date), until: each a period in"
                    + " which the unit offers the e-service. A period that exists (the same start, or one in"
                    + " progress) is updated, a new one created; periods never overlap, closed units and retired"
                    + " services are refused per row, as in the API. With mode=full and careProvider, that"
                    + " provider's ongoing offerings the file does not list end on the import date. A unit editor"
                    + " may import only rows of its own care providers, dated within the back-dating window.")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "202",
            description = "Accepted: the job, queued",
            headers = @Header(name = "Location", description = "The job", schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportDtos.Job.class)))
    @APIResponse(
            responseCode = "400",
            description = "The file is empty, or a parameter is invalid (mode=full needs careProvider)")
    @APIResponse(responseCode = "403", description = "careProvider is not one the token may edit")
    @APIResponse(responseCode = "413", description = "The file is larger than basutbud.imports.max-file-size (50 MiB)")
    @APIResponse(responseCode = "415", description = "Not text/csv or application/x-ndjson")
    public Response importOfferings(
            InputStream file,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @BeanParam ImportParams params) {
        return accepted(jobs.submit(params.submission(ImportKind.OFFERINGS, contentType), file));
    }

    @POST
    @Path("/exemptions")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Import exemptions",
            description = "Rows hsaId, serviceCode, reason, since (default the import date), until: each a period in"
                    + " which a base e-service does not apply to the unit. The period in force or ahead is updated,"
                    + " as PUT does; periods never overlap. With mode=full and careProvider, that provider's"
                    + " exemptions in force or ahead that the file does not list end on the import date.")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "202",
            description = "Accepted: the job, queued",
            headers = @Header(name = "Location", description = "The job", schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportDtos.Job.class)))
    @APIResponse(
            responseCode = "400",
            description = "The file is empty, or a parameter is invalid (mode=full needs careProvider)")
    @APIResponse(responseCode = "403", description = "careProvider is not one the token may edit")
    @APIResponse(responseCode = "413", description = "The file is larger than basutbud.imports.max-file-size (50 MiB)")
    @APIResponse(responseCode = "415", description = "Not text/csv or application/x-ndjson")
    public Response importExemptions(
            InputStream file,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @BeanParam ImportParams params) {
        return accepted(jobs.submit(params.submission(ImportKind.EXEMPTIONS, contentType), file));
    }

    @POST
    @Path("/listed-residents")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Import listed residents",
            description = "Rows hsaId, count, from (default the import date): each a unit's listed residents from a"
                    + " date, added, or replacing the figure from the same date, as PUT does; earlier figures stay."
                    + " Only mode=upsert. A unit editor may import only rows of its own care providers, dated within"
                    + " the back-dating window.")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "202",
            description = "Accepted: the job, queued",
            headers = @Header(name = "Location", description = "The job", schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportDtos.Job.class)))
    @APIResponse(responseCode = "400", description = "The file is empty, or a parameter is invalid (mode=full)")
    @APIResponse(responseCode = "403", description = "careProvider is not one the token may edit")
    @APIResponse(responseCode = "413", description = "The file is larger than basutbud.imports.max-file-size (50 MiB)")
    @APIResponse(responseCode = "415", description = "Not text/csv or application/x-ndjson")
    public Response importListedResidents(
            InputStream file,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @BeanParam ImportParams params) {
        return accepted(jobs.submit(params.submission(ImportKind.LISTED_RESIDENTS, contentType), file));
    }

    private static Response accepted(ImportDtos.Job job) {
        return Response.accepted(job)
                .location(URI.create("/api/v1/imports/" + job.id()))
                .build();
    }

    @GET
    @Operation(
            summary = "Import jobs",
            description = "Newest first; an administrator sees every job, a unit editor its own.")
    @APIResponse(responseCode = "200", description = "A page of jobs")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Page<ImportDtos.Job> listImports(@BeanParam PageParams page) {
        return jobs.list(page.toRequest(), access.submitterFilter());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import job", description = "Its status, progress, summary and errors.")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "400", description = "The id is not a number")
    @APIResponse(responseCode = "404", description = "No such job (or another user's, for a unit editor)")
    public ImportDtos.Job getImport(@PathParam("id") String id) {
        return access.visible(jobs.get(QueryParams.id("id", id)));
    }

    @GET
    @Path("/{id}/changes")
    @Operation(
            summary = "What an import changed",
            description = "Or, for a dry run, would change: one item per unit, offering or exemption period, in the"
                    + " file's order, then what a full import closes or ends. Empty for a job that failed.")
    @APIResponse(responseCode = "200", description = "A page of changes")
    @APIResponse(responseCode = "400", description = "The id or a query parameter is invalid")
    @APIResponse(responseCode = "404", description = "No such job (or another user's, for a unit editor)")
    public Page<ImportDtos.Change> listImportChanges(@PathParam("id") String id, @BeanParam PageParams page) {
        long jobId = QueryParams.id("id", id);
        access.visible(jobs.get(jobId));
        return jobs.changes(jobId, page.toRequest());
    }
}
