package se.basutbud.imports.source;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads an uploaded file record by record, streaming: memory holds one record at a time whatever the file's size.
 * Each format is read by a maintained parser (Jackson CSV, Jackson, the JDK's StAX); nothing in a file is ever
 * evaluated, and XML may not declare a DTD or external entities.
 */
public final class ImportFiles {

    /** Receives the records in the file's order. */
    public interface RowHandler {
        void row(SourceRow row) throws ImportFileException;
    }

    /** HSA's FileService export: {@code FileGetHsaUnitsResponse/hsaUnits/hsaUnit}. */
    static final String HSA_NAMESPACE_PREFIX = "urn:riv:hsa:HsaWsResponder:";

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportFiles() {}

    /** Reads every record of the file; the first problem that makes the whole file unreadable ends it. */
    public static void read(Path file, ImportFormat format, long maxUnzippedBytes, RowHandler handler)
            throws ImportFileException, IOException {
        if (Files.size(file) == 0) {
            throw new ImportFileException(null, "The file is empty");
        }
        switch (format) {
            case CSV -> readCsv(TextEncoding.utf8Reader(file), handler);
            case NDJSON -> readNdjson(TextEncoding.utf8Reader(file), handler);
            case HSA_XML -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    readHsaXml(in, handler);
                }
            }
            case ZIP -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    readZip(in, maxUnzippedBytes, handler);
                }
            }
        }
    }

    private static void readZip(InputStream in, long maxUnzippedBytes, RowHandler handler)
            throws ImportFileException, IOException {
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry = nextFile(zip);
            if (entry == null) {
                throw new ImportFileException(null, "The zip archive holds no file");
            }
            ImportFormat inner = ImportFormat.ofFileName(entry.getName())
                    .orElseThrow(() -> new ImportFileException(
                            null,
                            "The zip archive holds " + entry.getName()
                                    + "; it must hold one .xml, .csv or .ndjson file"));
            // The entry is spooled so that its encoding can be checked and it can be read again; a zip bomb
            // stops at the same limit as an upload.
            Path spooled = Files.createTempFile(
                    "basutbud-import-entry", "." + inner.name().toLowerCase());
            try {
                try (InputStream bounded = new LimitedInputStream(zip, maxUnzippedBytes)) {
                    Files.copy(bounded, spooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                if (nextFile(zip) != null) {
                    throw new ImportFileException(null, "The zip archive holds more than one file; it must hold one");
                }
                if (inner == ImportFormat.ZIP) {
                    throw new ImportFileException(null, "A zip archive inside a zip archive is not read");
                }
                read(spooled, inner, maxUnzippedBytes, handler);
            } finally {
                Files.deleteIfExists(spooled);
            }
        } catch (ZipException e) {
            throw new ImportFileException(null, "The file is not a readable zip archive: " + e.getMessage());
        }
    }

    private static ZipEntry nextFile(ZipInputStream zip) throws IOException {
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            String name = entry.getName();
            if (!entry.isDirectory() && !name.startsWith("__MACOSX/") && !name.endsWith(".DS_Store")) {
                return entry;
            }
        }
        return null;
    }

    private static void readCsv(Reader text, RowHandler handler) throws ImportFileException, IOException {
        try (BufferedReader reader = new BufferedReader(text)) {
            reader.mark(1 << 16);
            String firstLine = reader.readLine();
            reader.reset();
            char separator = separatorOf(firstLine == null ? "" : firstLine);
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
            try (MappingIterator<String[]> records =
                    CSV.readerFor(String[].class).with(schema).readValues(reader)) {
                String[] header = null;
                int start = 1;
                while (records.hasNextValue()) {
                    String[] record = records.nextValue();
                    int end = records.getParser().currentLocation().getLineNr();
                    int line = start;
                    start = end;
                    if (header == null) {
                        header = headerOf(record);
                        continue;
                    }
                    if (isBlank(record)) {
                        continue;
                    }
                    if (record.length > header.length) {
                        throw new ImportFileException(
                                line,
                                "Line " + line + " has " + record.length + " fields; the header names "
                                        + header.length);
                    }
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 0; i < header.length; i++) {
                        values.put(header[i], i < record.length ? record[i] : "");
                    }
                    handler.row(new SourceRow(line, values));
                }
                if (header == null) {
                    throw new ImportFileException(null, "The file is empty");
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ImportFileException(
                    line, "The CSV cannot be read at line " + line + ": " + e.getOriginalMessage());
        }
    }

    private static String[] headerOf(String[] record) throws ImportFileException {
        String[] header = new String[record.length];
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < record.length; i++) {
            header[i] = record[i].strip();
            if (header[i].isEmpty()) {
                throw new ImportFileException(1, "Column " + (i + 1) + " of the header has no name");
            }
            if (!seen.add(header[i].toLowerCase(java.util.Locale.ROOT))) {
                throw new ImportFileException(1, "The header names the column " + header[i] + " twice");
            }
        }
        return header;
    }

    private static boolean isBlank(String[] record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The separator is the one of {@code ;} and {@code ,} that the header uses more, outside quotes. */
    static char separatorOf(String header) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static void readNdjson(Reader text, RowHandler handler) throws ImportFileException, IOException {
        try (BufferedReader reader = new BufferedReader(text)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonParseException e) {
                    throw new ImportFileException(number, "Line " + number + " is not JSON: " + e.getOriginalMessage());
                }
                if (!node.isObject()) {
                    throw new ImportFileException(number, "Line " + number + " is not a JSON object");
                }
                Map<String, String> values = new LinkedHashMap<>();
                var fields = node.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    JsonNode value = field.getValue();
                    if (value.isContainerNode()) {
                        throw new ImportFileException(
                                number, "Line " + number + ": " + field.getKey() + " must be a text, number or null");
                    }
                    values.put(field.getKey(), value.isNull() ? "" : value.asText());
                }
                handler.row(new SourceRow(number, values));
            }
        }
    }

    private static void readHsaXml(InputStream in, RowHandler handler) throws ImportFileException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A file is data: no DTD, no external entity, nothing fetched or expanded.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new NotClosing(in));
            xml.nextTag();
            if (!"FileGetHsaUnitsResponse".equals(xml.getLocalName())
                    || xml.getNamespaceURI() == null
                    || !xml.getNamespaceURI().startsWith(HSA_NAMESPACE_PREFIX)) {
                throw new ImportFileException(
                        xml.getLocation().getLineNumber(),
                        "This is not an HSA FileService export: the root element is {" + xml.getNamespaceURI()
                                + "}" + xml.getLocalName() + ", not FileGetHsaUnitsResponse in "
                                + HSA_NAMESPACE_PREFIX + "3");
            }
            int depth = 1;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 3 && "hsaUnit".equals(xml.getLocalName())) {
                        handler.row(hsaUnit(xml));
                        depth--;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String message = e.getMessage() == null
                    ? ""
                    : e.getMessage().replaceFirst("(?s)^ParseError at \\[[^]]*\\]\\s*Message:\\s*", "");
            throw new ImportFileException(line, "The XML is not well-formed at line " + line + ": " + message);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader of a stream we close ourselves.
                }
            }
        }
    }

    /**
     * The unit's leaf elements by local name. Lists ({@code postalAddress/addressLine}) are joined with ", ";
     * of other repeated elements (a unit's several codes or numbers) the first is taken.
     */
    private static SourceRow hsaUnit(XMLStreamReader xml) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        Map<String, String> values = new LinkedHashMap<>();
        int depth = 1;
        String leaf = null;
        StringBuilder text = new StringBuilder();
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                leaf = xml.getLocalName();
                text.setLength(0);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (leaf != null && leaf.equals(xml.getLocalName())) {
                    String value = text.toString().strip();
                    values.merge(
                            leaf,
                            value,
                            (first, next) -> "addressLine".equals(xml.getLocalName()) ? first + ", " + next : first);
                }
                leaf = null;
                text.setLength(0);
            }
        }
        return new SourceRow(line, values);
    }

    /** Reads no more than a given number of bytes; a stream that has more is refused. */
    private static final class LimitedInputStream extends FilterInputStream {
        private long left;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                left -= read;
                if (left < 0) {
                    throw new UnzippedTooLarge();
                }
            }
            return read;
        }

        @Override
        public void close() {
            // The zip stream is closed by its owner.
        }
    }

    /** The file inside the zip archive is larger than an upload may be. */
    public static final class UnzippedTooLarge extends IOException {
        UnzippedTooLarge() {
            super("The file inside the zip archive is larger than an import may be");
        }
    }

    private static final class NotClosing extends FilterInputStream {
        NotClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // Closed by the caller's try-with-resources.
        }
    }
}
