package se.basutbud.imports.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text files must be UTF-8, with or without a byte order mark. A file that is not is refused with the line of
 * its first foreign byte, and, when it reads as Windows-1252 (what older Excel saves as "CSV"), with how to
 * save it right; it is never guessed at, since a wrong guess would store wrong names.
 */
final class TextEncoding {

    private TextEncoding() {}

    /** A strict UTF-8 reader of the file, after its byte order mark; refuses a file that is not UTF-8. */
    static Reader utf8Reader(Path file) throws ImportFileException, IOException {
        requireUtf8(file);
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(3);
        byte[] start = in.readNBytes(3);
        if (!(start.length == 3
                && (start[0] & 0xff) == 0xEF
                && (start[1] & 0xff) == 0xBB
                && (start[2] & 0xff) == 0xBF)) {
            in.reset();
        }
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static void requireUtf8(Path file) throws ImportFileException, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int line = 1;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    line++;
                } else if (b >= 0x80) {
                    int continuation =
                            b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xC2 && b <= 0xDF ? 1 : -1;
                    boolean valid = continuation > 0;
                    for (int i = 0; valid && i < continuation; i++) {
                        in.mark(1);
                        int next = in.read();
                        if (next < 0x80 || next > 0xBF) {
                            valid = false;
                            in.reset();
                        }
                    }
                    if (!valid) {
                        throw notUtf8(line, b);
                    }
                }
            }
        }
    }

    private static ImportFileException notUtf8(int line, int firstByte) {
        String seen = new String(new byte[] {(byte) firstByte}, java.nio.charset.Charset.forName("windows-1252"));
        return new ImportFileException(
                line,
                "The file is not UTF-8: line " + line + " has the byte 0x"
                        + Integer.toHexString(firstByte).toUpperCase(java.util.Locale.ROOT)
                        + (Character.isLetter(seen.charAt(0))
                                ? " (\"" + seen + "\" in Windows-1252/Latin-1, as older Excel saves CSV)"
                                : "")
                        + ". Save it as \"CSV UTF-8 (kommaavgränsad)\" and import it again");
    }
}
