package se.basutbud.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.Test;

/** JSON kept deflated: given back byte for byte, and never cut short or padded without saying so. */
class DeflatedJsonTest {

    private static final byte[] JSON = ("{\"hsaId\":\"SE2321000016-0001\",\"name\":\"Vårdcentralen Älvängen\","
                    + "\"services\":[" + "{\"code\":\"BOKA_TID\",\"status\":\"OFFERED\"},".repeat(30)
                    + "{\"code\":\"FORNYA_RECEPT\",\"status\":\"MISSING\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void inflatesToTheSameBytesAndIsSmaller() {
        byte[] deflated = DeflatedJson.deflate(JSON);
        assertTrue(deflated.length < JSON.length / 4, "repeated JSON deflates well: " + deflated.length);
        assertArrayEquals(JSON, DeflatedJson.inflate(deflated, JSON.length));
        assertArrayEquals(new byte[0], DeflatedJson.inflate(DeflatedJson.deflate(new byte[0]), 0));
    }

    @Test
    void isAZlibStreamAsHttpDeflateIs() throws IOException {
        try (InflaterInputStream http = new InflaterInputStream(new ByteArrayInputStream(DeflatedJson.deflate(JSON)))) {
            assertArrayEquals(JSON, http.readAllBytes());
        }
    }

    @Test
    void aLengthThatDoesNotMatchOrBytesThatAreNotDeflateFail() {
        byte[] deflated = DeflatedJson.deflate(JSON);
        IllegalStateException shorter =
                assertThrows(IllegalStateException.class, () -> DeflatedJson.inflate(deflated, JSON.length - 1));
        assertEquals("Deflated JSON did not inflate to its length", shorter.getMessage());
        assertThrows(IllegalStateException.class, () -> DeflatedJson.inflate(deflated, JSON.length + 1));
        IllegalStateException corrupt =
                assertThrows(IllegalStateException.class, () -> DeflatedJson.inflate(JSON, JSON.length));
        assertEquals("Deflated JSON could not be inflated", corrupt.getMessage());
    }
}
