package se.basutbud.imports;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import se.basutbud.web.QueryParams;

/** The query of an import: what to do with the file. */
public class ImportParams {

    @Parameter(
            description = "Compute the summary, errors and changes, and write nothing",
            schema = @Schema(implementation = Boolean.class, defaultValue = "false"))
    @QueryParam("dryRun")
    String dryRun;

    @Parameter(
            description = "upsert: create and update what the file lists; full: also close (or end) what it does not"
                    + " list, for the care provider given",
            schema =
                    @Schema(
                            enumeration = {"upsert", "full"},
                            defaultValue = "upsert"))
    @QueryParam("mode")
    String mode;

    @Parameter(
            description = "The care provider whose complete list the file is (required with mode=full)",
            schema =
                    @Schema(
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            examples = "SE2321000073"))
    @QueryParam("careProvider")
    String careProvider;

    @Parameter(
            description =
                    "Let a full import close more than basutbud.imports.mass-close-share of the provider's open units",
            schema = @Schema(implementation = Boolean.class, defaultValue = "false"))
    @QueryParam("allowMassClose")
    String allowMassClose;

    ImportJobs.Submission submission(ImportKind kind, String contentType) {
        String modeName =
                mode == null || mode.isBlank() ? "UPSERT" : mode.strip().toUpperCase(java.util.Locale.ROOT);
        ImportMode importMode = QueryParams.enumValue("mode", modeName, ImportMode.class);
        return new ImportJobs.Submission(
                kind,
                contentType,
                QueryParams.bool("dryRun", dryRun, false),
                importMode,
                careProvider,
                QueryParams.bool("allowMassClose", allowMassClose, false));
    }
}
