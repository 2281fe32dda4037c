package se.basutbud.web;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * JSON kept deflated in a replica's memory, a fifth or less of its bytes: a zlib stream, which is also what
 * HTTP's {@code deflate} content coding is, so the bytes may be sent as they are to a client that accepts it.
 */
public final class DeflatedJson {

    private DeflatedJson() {}

    /** The UTF-8 bytes deflated, at the fastest level: they are made on a reader's path. */
    public static byte[] deflate(byte[] utf8) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            ByteArrayOutputStream deflated = new ByteArrayOutputStream(utf8.length / 4 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                deflated.write(buffer, 0, deflater.deflate(buffer));
            }
            return deflated.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The UTF-8 bytes of {@link #deflate}'s answer, which must inflate to exactly {@code length} bytes. */
    public static byte[] inflate(byte[] deflated, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            byte[] json = new byte[length];
            int inflated = inflater.inflate(json);
            // Exactly its length: not shorter, and nothing left over that would have been cut off.
            if (inflated != length || !inflater.finished()) {
                throw new IllegalStateException("Deflated JSON did not inflate to its length");
            }
            return json;
        } catch (DataFormatException e) {
            throw new IllegalStateException("Deflated JSON could not be inflated", e);
        } finally {
            inflater.end();
        }
    }
}
