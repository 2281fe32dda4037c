package se.basutbud.compliance;

import java.time.LocalDate;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import se.basutbud.TimeSource;
import se.basutbud.web.QueryParams;

/** asOf and baseline, taken by every compliance call. */
public class RevisionParams {

    @QueryParam("asOf")
    @Parameter(
            description = "The date to compute for; defaults to today in Europe/Stockholm",
            schema = @Schema(implementation = LocalDate.class))
    String asOf;

    @QueryParam("baseline")
    @Parameter(
            description = "A revision id, a draft included (\"what would this draft do\"); "
                    + "defaults to the revision in force on the date",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
    String baseline;

    LocalDate asOf(TimeSource time) {
        return QueryParams.date("asOf", asOf, time.today());
    }

    Long baselineId() {
        return QueryParams.optionalId("baseline", baseline);
    }
}
