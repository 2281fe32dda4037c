package se.basutbud.contactcard;

import java.text.CollationKey;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.basutbud.TimeSource;
import se.basutbud.baseline.BaselineDto;
import se.basutbud.baseline.BaselineService;
import se.basutbud.change.UnitsChanged;
import se.basutbud.unitsondate.CardUnit;
import se.basutbud.unitsondate.UnitsOnDate;
import se.basutbud.web.EntityTags;

/**
 * Keeps the stored cards equal to what they should show today. It runs inside the transaction of the
 * change that affects a card, so a card never shows a change that was rolled back and never misses one
 * that committed; a card whose content is unchanged keeps its ETag and stays out of the feed.
 */
@ApplicationScoped
class ContactCardRefresher {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final ContactCardStore store;
    private final BaselineService baselines;
    private final UnitsOnDate units;
    private final ObjectMapper objectMapper;
    private final TimeSource time;

    ContactCardRefresher(
            ContactCardStore store,
            BaselineService baselines,
            UnitsOnDate units,
            ObjectMapper objectMapper,
            TimeSource time) {
        this.store = store;
        this.baselines = baselines;
        this.units = units;
        this.objectMapper = objectMapper;
        this.time = time;
    }

    void onUnitsChanged(@Observes UnitsChanged event) {
        if (!event.cardsAffected()) {
            return;
        }
        LocalDate today = time.today();
        if (event.allUnits()) {
            refreshAll(today);
        } else {
            store.lockForOneUnit();
            refresh(event.hsaIds(), today);
        }
    }

    /** Units per step of a full refresh: memory stays flat however many units there are. */
    private static final int CHUNK = 1_000;

    /** Recomputes every card for a date, a chunk of units at a time; the caller's transaction commits it. */
    void refreshAll(LocalDate today) {
        store.lockForAllUnits();
        String after = "";
        List<String> chunk;
        do {
            chunk = store.unitsAfter(after, CHUNK);
            if (!chunk.isEmpty()) {
                refresh(chunk, today);
                after = chunk.get(chunk.size() - 1);
            }
        } while (chunk.size() == CHUNK);
        store.markRefreshedFor(today);
    }

    private void refresh(Collection<String> hsaIds, LocalDate today) {
        Optional<BaselineDto> revision = baselines.inForceOn(today);
        List<BaselineDto.Requirement> requirements =
                revision.map(BaselineDto::requirements).orElse(List.of());
        List<CardUnit> units = this.units.forCards(hsaIds, today);
        Map<String, ContactCardStore.StoredState> stored = store.states(hsaIds);
        // Swedish order by collation keys, computed once per name: comparing with the collator itself
        // normalises both strings on every comparison, which dominated a national refresh (bench/RESULTS-notes.md).
        Collator collator = Collator.getInstance(SWEDISH);
        Map<String, CollationKey> sortKeys = new HashMap<>();
        Function<String, CollationKey> sortKey = name -> sortKeys.computeIfAbsent(name, collator::getCollationKey);
        Instant now = time.now();
        List<ContactCardStore.NewCard> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (CardUnit unit : units) {
            ContactCardStore.StoredState state = stored.get(unit.hsaId());
            if (!unit.open()) {
                if (state != null && !state.removed()) {
                    removed.add(unit.hsaId());
                }
                continue;
            }
            ContactCardDto card = card(unit, requirements, sortKey);
            String hash = EntityTags.sha256(json(card));
            if (state == null || state.removed() || !hash.equals(state.contentHash())) {
                changed.add(new ContactCardStore.NewCard(unit.hsaId(), json(card.withUpdatedAt(now)), hash));
            }
        }
        store.save(changed, now);
        store.markRemoved(removed, now);
    }

    private static ContactCardDto card(
            CardUnit unit, List<BaselineDto.Requirement> requirements, Function<String, CollationKey> sortKey) {
        List<ContactCardDto.CardEService> services =
                new ArrayList<>(unit.offered().size());
        for (CardUnit.OfferedService row : unit.offered()) {
            boolean base = requirements.stream()
                    .anyMatch(r -> r.serviceCode().equals(row.code()) && r.appliesTo(unit.unitType()));
            services.add(new ContactCardDto.CardEService(row.code(), row.name(), row.url(), base));
        }
        services.sort(Comparator.comparing((ContactCardDto.CardEService s) -> !s.base())
                .thenComparing(service -> sortKey.apply(service.name()))
                .thenComparing(ContactCardDto.CardEService::code));
        return new ContactCardDto(
                unit.hsaId(),
                unit.name(),
                unit.unitType(),
                unit.municipality(),
                unit.address(),
                unit.phone(),
                unit.website(),
                List.copyOf(services),
                null);
    }

    private String json(ContactCardDto card) {
        try {
            return objectMapper.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A contact card could not be written as JSON", e);
        }
    }
}
