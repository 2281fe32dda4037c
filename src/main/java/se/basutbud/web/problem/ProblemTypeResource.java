package se.basutbud.web.problem;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.NonBlocking;

/**
 * The documentation a problem's {@code type} leads to: {@code /problems} lists every type, and
 * {@code /problems/not-found} says what one means. Pages for developers, so they are not part of the API's
 * contract; the {@code type} values themselves are (see the Problem schema).
 */
@Path(ProblemType.PATH)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@PermitAll
public class ProblemTypeResource {

    @GET
    @NonBlocking
    @Operation(hidden = true)
    public String listProblemTypes() {
        String items = Arrays.stream(ProblemType.values())
                .map(type -> "<li><a href=\"" + type.uri() + "\">" + type.slug() + "</a> (" + type.status() + " "
                        + escape(type.title()) + ")</li>")
                .collect(Collectors.joining("\n"));
        return page(
                "Problem types of the basutbud API",
                "<p>Every error answer of the API is an RFC 9457 problem body (<code>application/problem+json</code>). "
                        + "Its <code>type</code> is one of these paths; switch on it rather than on the text of "
                        + "<code>title</code> or <code>detail</code>.</p>\n<ul>\n" + items + "\n</ul>");
    }

    @GET
    @Path("/{slug}")
    @NonBlocking
    @Operation(hidden = true)
    public String describeProblemType(@PathParam("slug") String slug) {
        ProblemType type = Arrays.stream(ProblemType.values())
                .filter(candidate -> candidate.slug().equals(slug))
                .findFirst()
                .orElseThrow(() ->
                        ApiException.notFound("No problem type " + slug + "; " + ProblemType.PATH + " lists them"));
        return page(
                type.status() + " " + type.title(),
                "<p>Problem type <code>" + type.uri() + "</code>, answered with HTTP status " + type.status()
                        + ".</p>\n<p>"
                        + escape(type.description()) + "</p>\n<p><a href=\"" + ProblemType.PATH
                        + "\">Every problem type</a></p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "\n</body>\n</html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
