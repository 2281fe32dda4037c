package se.basutbud.contactcard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import se.basutbud.careunit.HsaId;
import se.basutbud.common.ApiException;
import se.basutbud.common.TimeSource;

@ApplicationScoped
public class ContactCardService {

    private static final Pattern CURSOR = Pattern.compile("^v1\\|([0-9]{1,20})\\|([A-Z0-9-]{0,31})\\|([0-9]{1,20})$");

    private final ContactCardStore store;
    private final ContactCardRefresher refresher;
    private final ObjectMapper objectMapper;
    private final TimeSource time;

    /** The date this replica last saw the stored cards computed for; saves a query per read. */
    private volatile LocalDate knownRefreshedFor;

    ContactCardService(ContactCardStore store, ContactCardRefresher refresher, ObjectMapper objectMapper,
            TimeSource time) {
        this.store = store;
        this.refresher = refresher;
        this.objectMapper = objectMapper;
        this.time = time;
    }

    /** A stored card as served: its JSON and its strong entity tag. */
    public record Card(String json, String etag) {
    }

    public Optional<Card> card(String hsaId) {
        String id = HsaId.normalize(hsaId);
        ensureRefreshedForToday();
        return QuarkusTransaction.requiringNew().call(() -> store.find(id))
                .map(stored -> new Card(stored.body(), '"' + stored.contentHash() + '"'));
    }

    /**
     * One page of the sync feed as JSON. Without a cursor: every current card. With one: what changed
     * since, removals included.
     */
    public String feed(String after, int size) {
        Position given = after == null || after.isBlank() ? null : Position.decode(after);
        ensureRefreshedForToday();
        record Read(Position from, List<ContactCardStore.FeedRow> rows) {
        }
        Read read = QuarkusTransaction.requiringNew().call(() -> {
            Position start = given != null ? given : Position.start(store.horizon());
            return new Read(start, store.changesAfter(start.changeXid(), start.hsaId(), start.removedSince(), size + 1));
        });
        Position from = read.from();
        List<ContactCardStore.FeedRow> rows = read.rows();
        boolean hasMore = rows.size() > size;
        List<ContactCardStore.FeedRow> page = hasMore ? rows.subList(0, size) : rows;
        Position next = page.isEmpty() ? from : from.movedTo(page.get(page.size() - 1));
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = objectMapper.getFactory().createGenerator(json)) {
            generator.writeStartObject();
            generator.writeArrayFieldStart("items");
            for (ContactCardStore.FeedRow row : page) {
                if (row.removed()) {
                    generator.writeStartObject();
                    generator.writeStringField("hsaId", row.hsaId());
                    generator.writeBooleanField("removed", true);
                    generator.writeEndObject();
                } else {
                    generator.writeRawValue(row.body());
                }
            }
            generator.writeEndArray();
            generator.writeStringField("cursor", next.encode());
            generator.writeBooleanField("hasMore", hasMore);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString();
    }

    /**
     * Offerings, closures and revisions take effect by date, so when "today" moves on, every card is
     * recomputed once. The first reader of the day (on any replica) does it; the others wait for it.
     */
    void ensureRefreshedForToday() {
        LocalDate today = time.today();
        if (today.equals(knownRefreshedFor)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (!store.refreshedFor().filter(today::equals).isPresent()) {
                store.lockForAllUnits();
                // Read again under the lock: another replica may have refreshed meanwhile.
                if (!store.refreshedFor().filter(today::equals).isPresent()) {
                    refresher.refreshAll(today);
                }
            }
        });
        knownRefreshedFor = today;
    }

    /**
     * A position in the feed's (change_xid, hsa_id) order, and the transaction from which removals count;
     * the cursor clients see is its opaque form.
     */
    record Position(String changeXid, String hsaId, String removedSince) {

        /** The start of an initial sync: every current card, and only removals from now on. */
        static Position start(String horizon) {
            return new Position("0", "", horizon);
        }

        Position movedTo(ContactCardStore.FeedRow row) {
            return new Position(row.changeXid(), row.hsaId(), removedSince);
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("v1|" + changeXid + "|" + hsaId + "|" + removedSince).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
                java.util.regex.Matcher matcher = CURSOR.matcher(text);
                if (matcher.matches()) {
                    return new Position(matcher.group(1), matcher.group(2), matcher.group(3));
                }
            } catch (IllegalArgumentException e) {
                // Not base64: answered below like any other cursor this service did not issue.
            }
            throw ApiException.badRequest("after", "is not a cursor this feed issued");
        }
    }
}
