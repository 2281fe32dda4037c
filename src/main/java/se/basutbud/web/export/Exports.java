package se.basutbud.web.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.vertx.ext.web.RoutingContext;

/** Answers a list or report as the spreadsheet asked for. */
@ApplicationScoped
public class Exports {

    /** Writes the tables of an export. */
    public interface Tables {
        void writeTo(TableWriter writer) throws IOException;
    }

    private final ReportSpool spool;

    Exports(ReportSpool spool) {
        this.spool = spool;
    }

    /**
     * A large export (a list of every unit, a full report): computed into a file in one read, then sent with its
     * Content-Length, so that no database connection waits on the client; a few at once per replica.
     */
    public Response spooled(
            String caller, ExportFormat format, String fileName, Tables tables, RoutingContext routing) {
        Path file = spool.spool(caller, out -> write(format, out, tables), routing);
        return answer(Response.ok(file, format.mediaType()), format, fileName);
    }

    /** The spool, for a large answer that is not a spreadsheet (the report as JSON). */
    public ReportSpool spool() {
        return spool;
    }

    /** A small export (a few hundred rows at most), written in memory. */
    public static Response small(ExportFormat format, String fileName, Tables tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(format, bytes, tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer(Response.ok(bytes.toByteArray(), format.mediaType()), format, fileName);
    }

    /** A small report: the spreadsheet asked for, or the report as JSON; either way it varies by Accept. */
    public static Response answer(Object report, Optional<ExportFormat> spreadsheet, String fileName, Tables tables) {
        if (spreadsheet.isPresent()) {
            return small(spreadsheet.get(), fileName, tables);
        }
        return Response.ok(report, jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    private static void write(ExportFormat format, OutputStream out, Tables tables) throws IOException {
        TableWriter writer = TableWriter.of(format, out);
        tables.writeTo(writer);
        writer.finish();
    }

    private static Response answer(Response.ResponseBuilder builder, ExportFormat format, String fileName) {
        return builder.header(
                        "Content-Disposition", "attachment; filename=\"" + fileName + "." + format.extension() + "\"")
                // JSON, CSV or a workbook by the Accept header: caches must keep them apart.
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }
}
