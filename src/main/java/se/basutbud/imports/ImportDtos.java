package se.basutbud.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the import API answers. */
public final class ImportDtos {

    private ImportDtos() {}

    @Schema(name = "ImportJob", description = "An import of one file, run in the background")
    public record Job(
            long id,
            ImportKind kind,
            ImportMode mode,

            @Schema(description = "Computes the same summary, errors and changes, and writes nothing")
            boolean dryRun,

            @Schema(
                    description =
                            "The care provider whose absent units, offerings or exemptions a full import closes or ends")
            String careProvider,

            boolean allowMassClose,
            @Schema(examples = "text/csv") String mediaType,
            ImportStatus status,

            @Schema(description = "The subject of the submitter's token")
            String submittedBy,

            Instant submittedAt,
            Instant startedAt,
            Instant finishedAt,
            Progress progress,

            @Schema(description = "Once the file has been read")
            Summary summary,

            @Schema(description = "The first 1,000 errors, in the file's order")
            List<RowError> errors,

            @Schema(description = "How many errors there were in all")
            int errorCount,

            @Schema(description = "Columns of the file that this import does not read")
            List<String> ignoredColumns) {}

    @Schema(name = "ImportProgress")
    public record Progress(
            int rowsRead,

            @Schema(description = "Absent until the file has been counted")
            Integer rowsTotal) {}

    @Schema(name = "ImportSummary", description = "What the import did (or, for a dry run, would do)")
    public record Summary(
            @Schema(description = "Records in the file") int rows,
            int created,
            int updated,
            int unchanged,

            @Schema(
                    description =
                            "Units closed, or offerings and exemptions ended, because a full import does not list them")
            int closed,

            @Schema(description = "Rows with an error") int invalid,

            @Schema(description = "Records that are not care units (HSA entries of other kinds), left out")
            int skipped) {}

    @Schema(name = "ImportError", description = "Why a row, or the file, cannot be imported")
    public record RowError(
            @Schema(description = "The line the row starts on; absent for the file as a whole")
            Integer line,

            @Schema(description = "The file's column or element name")
            String field,

            @Schema(description = "The value as the file has it")
            String value,

            String message) {}

    @Schema(name = "ImportChange", description = "One thing an import changes")
    public record Change(
            @Schema(description = "The row's line; absent for what a full import closes or ends")
            Integer line,

            @Schema(description = "HSA-id, or HSA-id/service code", examples = "SE2321000073-1234/fornya-recept")
            String key,

            ChangeAction action,

            @Schema(description = "The values that change, by field name")
            Map<String, FieldChange> fields) {}

    @Schema(name = "ImportFieldChange")
    public record FieldChange(
            @Schema(description = "Absent when there was no value")
            String from,

            @Schema(description = "Absent when there is no value")
            String to) {}
}
