package se.basutbud.contactcard;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The sync feed: pages of the stored cards in the order they changed, with a cursor to go on from. */
@ApplicationScoped
class CardFeedService {

    private final ContactCardStore store;
    private final DailyCardRefresh daily;
    private final ObjectMapper objectMapper;

    CardFeedService(ContactCardStore store, DailyCardRefresh daily, ObjectMapper objectMapper) {
        this.store = store;
        this.daily = daily;
        this.objectMapper = objectMapper;
    }

    /**
     * One page of the feed as JSON. Without a cursor: every current card. With one: what changed since,
     * removals included.
     */
    String page(String after, int size) {
        FeedCursor given = after == null || after.isBlank() ? null : FeedCursor.decode(after);
        daily.ensureRefreshedForToday();
        record Read(FeedCursor from, List<ContactCardStore.FeedRow> rows) {}
        Read read = QuarkusTransaction.requiringNew().call(() -> {
            FeedCursor start = given != null ? given : FeedCursor.start(store.horizon());
            return new Read(
                    start, store.changesAfter(start.changeXid(), start.hsaId(), start.removedSince(), size + 1));
        });
        List<ContactCardStore.FeedRow> rows = read.rows();
        boolean hasMore = rows.size() > size;
        List<ContactCardStore.FeedRow> page = hasMore ? rows.subList(0, size) : rows;
        FeedCursor next = page.isEmpty() ? read.from() : read.from().movedTo(page.get(page.size() - 1));
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
                    generator.writeRawValue(asChanged(row.body()));
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

    /** A stored card as a feed item: the same object with {@code "removed": false}, spliced in, not re-encoded. */
    static String asChanged(String cardJson) {
        int end = cardJson.lastIndexOf('}');
        return cardJson.substring(0, end) + ",\"removed\":false}";
    }
}
