package se.basutbud.contactcard;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names in Swedish alphabetical order (å, ä, ö last), by collation keys computed once per name for the whole
 * process: the collator's own comparison normalises both strings every time, and even a key per name per
 * batch of cards was a tenth of a card computed on read (bench/RESULTS-notes.md). The names are the
 * e-services', a few hundred at most; the cache is emptied should it ever hold more than {@link #MAX_NAMES}.
 */
final class SwedishOrder {

    private static final Collator COLLATOR = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
    private static final int MAX_NAMES = 10_000;
    private static final Map<String, CollationKey> KEYS = new ConcurrentHashMap<>();

    private SwedishOrder() {}

    /** The name's collation key; keys of different names compare in Swedish order. */
    static CollationKey keyOf(String name) {
        CollationKey key = KEYS.get(name);
        if (key == null) {
            if (KEYS.size() >= MAX_NAMES) {
                KEYS.clear();
            }
            // RuleBasedCollator.getCollationKey is synchronized: one collator serves every thread.
            key = COLLATOR.getCollationKey(name);
            KEYS.put(name, key);
        }
        return key;
    }
}
