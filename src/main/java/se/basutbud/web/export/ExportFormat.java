package se.basutbud.web.export;

import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The spreadsheet forms of a list or report, chosen by {@code Accept}; JSON otherwise.
 */
public enum ExportFormat {
    /** RFC 4180: UTF-8, {@code ,}, a decimal point, CRLF. For programs. */
    CSV("text/csv", "csv"),
    /** What Excel with Swedish settings opens right by double-click: {@code ;}, decimal commas, a UTF-8 BOM. */
    EXCEL_CSV("text/csv", "csv"),
    /** An Office Open XML workbook. */
    XLSX(ExportFormat.XLSX_MEDIA_TYPE, "xlsx");

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV_MEDIA_TYPE = "text/csv";
    /** The media type parameter that asks for the Swedish Excel variant of CSV. */
    public static final String EXCEL_DIALECT = "excel-sv";
    /** What the contract says of the spreadsheet forms. */
    public static final String DESCRIPTION = " Accept: text/csv answers RFC 4180 CSV (UTF-8, commas, decimal points);"
            + " text/csv; dialect=excel-sv what Excel with Swedish settings opens right by double-click (semicolons,"
            + " decimal commas, a byte order mark); "
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            + " a workbook.";

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return switch (this) {
            case XLSX -> mediaType;
            case CSV -> mediaType + "; charset=UTF-8; header=present";
            case EXCEL_CSV -> mediaType + "; charset=UTF-8; header=present; dialect=" + EXCEL_DIALECT;
        };
    }

    public String extension() {
        return extension;
    }

    /**
     * The spreadsheet form the client ranks above JSON; empty for JSON (and for a browser's or curl's wildcard).
     * {@code text/csv; dialect=excel-sv} asks for the Swedish Excel variant.
     */
    public static Optional<ExportFormat> requested(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return Optional.empty();
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardSubtype()) {
                return Optional.empty();
            }
            if (accepted.getType().equals("text") && accepted.getSubtype().equals("csv")) {
                return Optional.of(EXCEL_DIALECT.equals(accepted.getParameters().get("dialect")) ? EXCEL_CSV : CSV);
            }
            if ((accepted.getType() + "/" + accepted.getSubtype()).equals(XLSX_MEDIA_TYPE)) {
                return Optional.of(XLSX);
            }
        }
        return Optional.empty();
    }
}
