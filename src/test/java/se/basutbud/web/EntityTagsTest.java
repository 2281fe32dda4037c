package se.basutbud.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import se.basutbud.web.problem.ApiException;
import se.basutbud.web.problem.ProblemType;

/** Entity tags (RFC 9110 §8.8.3, §13.1): strong for If-Match, weak comparison for If-None-Match, lists and *. */
class EntityTagsTest {

    @Test
    void aTagFollowsTheRepresentation() {
        assertEquals(EntityTags.of(Map.of("name", "A")), EntityTags.of(Map.of("name", "A")));
        assertNotEquals(EntityTags.of(Map.of("name", "A")), EntityTags.of(Map.of("name", "B")));
        assertTrue(EntityTags.of(Map.of("name", "A")).matches("\"[0-9a-f]{32}\""));
    }

    @Test
    void listsStarAndWeakPrefixes() {
        assertTrue(EntityTags.listed("\"a\", \"b\"", "\"b\"", false));
        assertTrue(EntityTags.listed("*", "\"b\"", false));
        assertFalse(EntityTags.listed("W/\"b\"", "\"b\"", false), "strong comparison: a weak tag never matches");
        assertTrue(EntityTags.listed("W/\"b\"", "\"b\"", true), "weak comparison ignores W/");
        assertFalse(EntityTags.listed("\"a\"", "\"b\"", true));
    }

    @Test
    void ifMatchIsAbsentOrNamesTheCurrentVersion() {
        Object current = Map.of("name", "A");
        String tag = EntityTags.of(current);
        assertDoesNotThrow(() -> EntityTags.requireMatch(null, current));
        assertDoesNotThrow(() -> EntityTags.requireMatch(" ", current));
        assertDoesNotThrow(() -> EntityTags.requireMatch(tag, current));
        assertDoesNotThrow(() -> EntityTags.requireMatch("\"other\", " + tag, current));
        assertDoesNotThrow(() -> EntityTags.requireMatch("*", current));
        for (String stale : new String[] {"\"other\"", "W/" + tag}) {
            ApiException refused = assertThrows(ApiException.class, () -> EntityTags.requireMatch(stale, current));
            assertEquals(ProblemType.PRECONDITION_FAILED, refused.type());
        }
        assertThrows(
                ApiException.class,
                () -> EntityTags.requireMatch("*", null),
                "nothing to match when it does not exist");
    }
}
