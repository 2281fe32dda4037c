package se.basutbud.contactcard;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A card as served: its JSON, deflated (a card is about 5 kB of JSON and 1 kB deflated, so every card of the
 * country fits in a replica's memory), its strong entity tag, and the days it is right on: from {@code
 * validFrom} until {@code validUntil}, each null for no bound (see {@code CardUnit}).
 */
public record CompressedCard(
        byte[] deflatedJson, int jsonLength, String etag, LocalDate validFrom, LocalDate validUntil) {

    /**
     * Kept in the cache for an HSA-id that has no card (unknown, closed, not open yet), so that the 1177
     * pages' reads of random or stale ids cost one database read each until that unit changes or the day
     * comes, not one per read.
     */
    static CompressedCard none(LocalDate validFrom, LocalDate validUntil) {
        return new CompressedCard(new byte[0], 0, "", validFrom, validUntil);
    }

    /** The same card (the same bytes, not copied) right on other days. */
    CompressedCard withValidity(LocalDate from, LocalDate until) {
        return new CompressedCard(deflatedJson, jsonLength, etag, from, until);
    }

    /**
     * This card holding the other's deflated bytes if they are the same as its own (one array in memory, not
     * two), else this card.
     */
    CompressedCard sharingBytesOf(CompressedCard other) {
        return other == null
                        || isNone()
                        || other.isNone()
                        || other.deflatedJson == deflatedJson
                        || !Arrays.equals(other.deflatedJson, deflatedJson)
                ? this
                : new CompressedCard(other.deflatedJson, jsonLength, etag, validFrom, validUntil);
    }

    boolean isNone() {
        return etag.isEmpty();
    }

    /** Whether this card (or its absence) is right on the day. */
    boolean validOn(LocalDate day) {
        return validOn(day, validFrom, validUntil);
    }

    static boolean validOn(LocalDate day, LocalDate validFrom, LocalDate validUntil) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || day.isBefore(validUntil));
    }

    /** The card of its JSON's UTF-8 bytes (not copied, not kept). */
    static CompressedCard of(byte[] utf8, String contentHash, LocalDate validFrom, LocalDate validUntil) {
        return stored(deflate(utf8), utf8.length, contentHash, validFrom, validUntil);
    }

    /** The card as stored: its JSON deflated (by {@link #deflate}) and that JSON's length in bytes. */
    static CompressedCard stored(
            byte[] deflatedJson, int jsonLength, String contentHash, LocalDate validFrom, LocalDate validUntil) {
        return new CompressedCard(deflatedJson, jsonLength, '"' + contentHash + '"', validFrom, validUntil);
    }

    /** JSON's UTF-8 bytes deflated as a replica holds them, and as they are stored. */
    static byte[] deflate(byte[] utf8) {
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

    /** The card's JSON, UTF-8. */
    public byte[] json() {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflatedJson);
            byte[] json = new byte[jsonLength];
            int length = inflater.inflate(json);
            // Exactly its length: not shorter, and nothing left over that would have been cut off.
            if (length != jsonLength || !inflater.finished()) {
                throw new IllegalStateException("A cached contact card did not inflate to its length");
            }
            return json;
        } catch (DataFormatException e) {
            throw new IllegalStateException("A cached contact card could not be inflated", e);
        } finally {
            inflater.end();
        }
    }
}
