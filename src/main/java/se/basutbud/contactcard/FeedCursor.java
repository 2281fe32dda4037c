package se.basutbud.contactcard;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.basutbud.web.problem.ApiException;

/**
 * A position in the feed's (change_xid, hsa_id) order, and the transaction from which removals count; the
 * cursor clients see is its opaque form.
 */
record FeedCursor(String changeXid, String hsaId, String removedSince) {

    private static final Pattern FORM = Pattern.compile("^v1\\|([0-9]{1,20})\\|([A-Z0-9-]{0,31})\\|([0-9]{1,20})$");

    /** The start of an initial sync: every current card, and only removals from now on. */
    static FeedCursor start(String horizon) {
        return new FeedCursor("0", "", horizon);
    }

    FeedCursor movedTo(ContactCardStore.FeedRow row) {
        return new FeedCursor(row.changeXid(), row.hsaId(), removedSince);
    }

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ("v1|" + changeXid + "|" + hsaId + "|" + removedSince).getBytes(StandardCharsets.UTF_8));
    }

    static FeedCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            Matcher matcher = FORM.matcher(text);
            if (matcher.matches()) {
                return new FeedCursor(matcher.group(1), matcher.group(2), matcher.group(3));
            }
        } catch (IllegalArgumentException e) {
            // Not base64: answered below like any other cursor this service did not issue.
        }
        throw ApiException.badRequest("after", "is not a cursor this feed issued");
    }
}
