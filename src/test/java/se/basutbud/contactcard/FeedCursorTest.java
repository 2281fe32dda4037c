package se.basutbud.contactcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import se.basutbud.web.problem.ApiException;

/** The feed's cursor: opaque to clients, read back exactly, and anything the feed did not issue is refused. */
class FeedCursorTest {

    @Test
    void aCursorReadsBackAsThePositionItWasMadeFrom() {
        FeedCursor position = new FeedCursor("7781", "SE2321000073-1", "7700");
        assertEquals(position, FeedCursor.decode(position.encode()));
        FeedCursor start = FeedCursor.start("9000");
        assertEquals(start, FeedCursor.decode(start.encode()));
        assertEquals(new FeedCursor("0", "", "9000"), start);
    }

    @Test
    void aCursorTheFeedDidNotIssueIsABadRequest() {
        for (String cursor : new String[] {
            "",
            "not base64!",
            encode("v2|1|SE2321000073-1|1"),
            encode("v1|x|SE2321000073-1|1"),
            encode("v1|1|se2321000073-1|1"),
            encode("v1|1|SE2321000073-1")
        }) {
            ApiException refused = assertThrows(ApiException.class, () -> FeedCursor.decode(cursor), cursor);
            assertEquals("after", refused.errors().get(0).field());
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
