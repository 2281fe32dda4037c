package se.basutbud.contactcard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import se.basutbud.BasutbudConfig;
import se.basutbud.TimeSource;
import se.basutbud.careunit.HsaId;
import se.basutbud.change.ChangeListener;
import se.basutbud.change.ChangeNotifier;
import se.basutbud.change.InvalidatingCache;
import se.basutbud.change.UnitsChanged;
import se.basutbud.web.problem.ApiException;

@ApplicationScoped
public class ContactCardService {

    private static final Logger LOG = Logger.getLogger(ContactCardService.class);
    private static final Pattern CURSOR = Pattern.compile("^v1\\|([0-9]{1,20})\\|([A-Z0-9-]{0,31})\\|([0-9]{1,20})$");

    private final ContactCardStore store;
    private final ContactCardRefresher refresher;
    private final ObjectMapper objectMapper;
    private final TimeSource time;
    private final ChangeNotifier notifier;
    /** Cards as served, by HSA-id: a card read is the 1177 page view, so most reads never reach the database. */
    private final InvalidatingCache<String, Card> cards;

    private final BasutbudConfig config;

    /** The date this replica last saw the stored cards computed for; saves a query per read. */
    private volatile LocalDate knownRefreshedFor;

    private ScheduledExecutorService background;

    ContactCardService(
            ContactCardStore store,
            ContactCardRefresher refresher,
            ObjectMapper objectMapper,
            TimeSource time,
            ChangeNotifier notifier,
            ChangeListener listener,
            BasutbudConfig config) {
        this.store = store;
        this.refresher = refresher;
        this.objectMapper = objectMapper;
        this.time = time;
        this.notifier = notifier;
        this.config = config;
        this.cards = new InvalidatingCache<>(listener, config.contactCard().cacheSize(), hsaId -> hsaId);
    }

    /**
     * A card as served: its JSON, deflated (a card is about 5 kB of JSON and 1 kB deflated, so every
     * card of the country fits in a replica's memory), and its strong entity tag.
     */
    public record Card(byte[] deflatedJson, int jsonLength, String etag) {

        static Card of(String json, String contentHash) {
            byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try {
                deflater.setInput(utf8);
                deflater.finish();
                ByteArrayOutputStream deflated = new ByteArrayOutputStream(utf8.length / 4 + 64);
                byte[] buffer = new byte[4096];
                while (!deflater.finished()) {
                    deflated.write(buffer, 0, deflater.deflate(buffer));
                }
                return new Card(deflated.toByteArray(), utf8.length, '"' + contentHash + '"');
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
                if (length != jsonLength) {
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

    /**
     * The card if this replica holds it for today, from memory only, so that it can be served on the I/O
     * thread; null means {@link #card} must be called on a worker thread.
     */
    public Card cachedCard(String hsaId) {
        String id = HsaId.normalize(hsaId);
        return time.today().equals(knownRefreshedFor) ? cards.peek(id) : null;
    }

    /** The card, from the database when this replica does not hold it; may wait for the daily refresh. */
    public Optional<Card> card(String hsaId) {
        String id = HsaId.normalize(hsaId);
        ensureRefreshedForToday();
        return Optional.ofNullable(cards.get(id, () -> QuarkusTransaction.requiringNew()
                .call(() -> store.find(id))
                .map(stored -> Card.of(stored.body(), stored.contentHash()))
                .orElse(null)));
    }

    /**
     * One page of the sync feed as JSON. Without a cursor: every current card. With one: what changed
     * since, removals included.
     */
    public String feed(String after, int size) {
        Position given = after == null || after.isBlank() ? null : Position.decode(after);
        ensureRefreshedForToday();
        record Read(Position from, List<ContactCardStore.FeedRow> rows) {}
        Read read = QuarkusTransaction.requiringNew().call(() -> {
            Position start = given != null ? given : Position.start(store.horizon());
            return new Read(
                    start, store.changesAfter(start.changeXid(), start.hsaId(), start.removedSince(), size + 1));
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

    /**
     * Checks in the background, at start and then every little while, whether "today" has moved on, so
     * that the daily refresh (seconds for a national dataset) runs before readers need it rather than in
     * the first reader's request.
     */
    void onStart(@Observes StartupEvent event) {
        Duration interval = config.contactCard().refreshCheck();
        if (interval.isZero()) {
            return;
        }
        background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "basutbud-card-refresh");
            thread.setDaemon(true);
            return thread;
        });
        background.scheduleWithFixedDelay(
                () -> {
                    try {
                        ensureRefreshedForToday();
                    } catch (RuntimeException e) {
                        LOG.warnf("The daily contact card refresh failed and will be tried again: %s", e.getMessage());
                    }
                },
                0,
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }

    /**
     * Offerings, closures and revisions take effect by date, so when "today" moves on, every card is
     * recomputed once. The background check above normally does it; a reader that comes first (on any
     * replica) does it itself, and the others wait for it, so no card of yesterday is served as today's.
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
                    notifier.send(UnitsChanged.all());
                }
            }
        });
        // This replica may hold yesterday's cards; the notification above reaches it a moment later.
        cards.invalidateAll();
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
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
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
