package se.basutbud.web;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code size} query parameters of every list, documented once. */
public class PageParams {

    @QueryParam("page")
    @Parameter(
            description = "Page number, from 0",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(
            description = "Page size, 1 to 500",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            format = "int32",
                            minimum = "1",
                            maximum = "500",
                            defaultValue = "50"))
    String size;

    public PageRequest toRequest() {
        return PageRequest.of(page, size);
    }
}
