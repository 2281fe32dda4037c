package se.basutbud.contactcard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The answer to a card read: 304 on a matching tag, the stored deflate bytes when allowed, JSON otherwise. */
class CardAnswerTest {

    private static final String JSON = "{\"hsaId\":\"SE2321000073-1\",\"name\":\"Hälsocentralen\"}";
    private static final CompressedCard CARD =
            CompressedCard.of(JSON.getBytes(StandardCharsets.UTF_8), "abc", null, null);

    @Test
    void acceptEncodingIsReadWithItsQualityValues() {
        assertTrue(CardAnswer.acceptsDeflate("gzip, deflate, br"));
        assertTrue(CardAnswer.acceptsDeflate("DEFLATE;q=0.5"));
        assertTrue(CardAnswer.acceptsDeflate("*"));
        assertFalse(CardAnswer.acceptsDeflate(null));
        assertFalse(CardAnswer.acceptsDeflate("gzip"));
        assertFalse(CardAnswer.acceptsDeflate("deflate;q=0"));
        assertFalse(CardAnswer.acceptsDeflate("deflate;q=0.000, *"));
        assertFalse(CardAnswer.acceptsDeflate("*;q=0"));
        assertFalse(CardAnswer.acceptsDeflate("identity"));
    }

    @Test
    void aMatchingTagIsNotModifiedWithTheSameValidators() {
        CardAnswer answer = CardAnswer.of(CARD, "W/\"abc\"", "deflate", false, "public, max-age=60");
        assertEquals(304, answer.status());
        assertNull(answer.body());
        assertEquals("\"abc\"", answer.headers().get("ETag"));
        assertEquals("public, max-age=60", answer.headers().get("Cache-Control"));
        assertFalse(answer.headers().containsKey("Content-Encoding"));
    }

    @Test
    void theStoredBytesOverHttp1AndJsonOtherwise() {
        CardAnswer deflated = CardAnswer.of(CARD, null, "gzip, deflate", false, "public, max-age=60");
        assertEquals("deflate", deflated.headers().get("Content-Encoding"));
        assertArrayEquals(CARD.deflatedJson(), deflated.body());
        assertEquals("Accept-Encoding", deflated.headers().get("Vary"));

        for (CardAnswer plain : new CardAnswer[] {
            CardAnswer.of(CARD, null, "gzip", false, "x"),
            CardAnswer.of(CARD, null, "gzip, deflate", true, "x"),
            CardAnswer.of(CARD, "\"other\"", null, false, "x")
        }) {
            assertEquals(200, plain.status());
            assertFalse(plain.headers().containsKey("Content-Encoding"));
            assertEquals(JSON, new String(plain.body(), StandardCharsets.UTF_8));
        }
    }
}
