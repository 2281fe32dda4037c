package se.basutbud.imports.source;

import java.util.Locale;
import java.util.Optional;

/** The file formats an import reads, each chosen by the request's {@code Content-Type}. */
public enum ImportFormat {
    /** RFC 4180, UTF-8 with or without a byte order mark, {@code ,} or {@code ;} as the header shows. */
    CSV("text/csv"),
    /** One JSON object per line, in this API's own shape. */
    NDJSON("application/x-ndjson"),
    /** HSA's bulk export of units (FileService, {@code FileGetHsaUnitsResponse}). */
    HSA_XML("application/xml"),
    /** A zip archive holding one file of the formats above, as HSA's FileService delivers its export. */
    ZIP("application/zip");

    private final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a {@code Content-Type} (its parameters ignored), if it is one the service reads. */
    public static Optional<ImportFormat> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/csv" -> Optional.of(CSV);
            case "application/x-ndjson", "application/jsonl", "application/jsonlines" -> Optional.of(NDJSON);
            case "application/xml", "text/xml" -> Optional.of(HSA_XML);
            case "application/zip", "application/x-zip-compressed" -> Optional.of(ZIP);
            default -> Optional.empty();
        };
    }

    /** The format of a file inside a zip archive, by its name's ending. */
    static Optional<ImportFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xml")) {
            return Optional.of(HSA_XML);
        }
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
            return Optional.of(NDJSON);
        }
        return Optional.empty();
    }
}
