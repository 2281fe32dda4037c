package se.basutbud.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Dates as the API reads them: YYYY-MM-DD within the years 1 to 9999, nothing else. */
class IsoDateTest {

    @Test
    void datesInTheWindowAreRead() {
        assertEquals(Optional.of(LocalDate.of(2026, 11, 23)), IsoDate.parse("2026-11-23"));
        assertEquals(Optional.of(IsoDate.MIN), IsoDate.parse("0001-01-01"));
        assertEquals(Optional.of(IsoDate.MAX), IsoDate.parse("9999-12-31"));
        assertEquals(Optional.of(LocalDate.of(2028, 2, 29)), IsoDate.parse("2028-02-29"));
    }

    @Test
    void everythingElseIsNotADate() {
        for (String text : new String[] {
            "+999999999-12-31",
            "-0001-01-01",
            "0000-12-31",
            "+10000-01-01",
            "10000-01-01",
            "2026-02-29",
            "2026-13-01",
            "2026-1-1",
            "26-01-01",
            "2026-01-01T00:00",
            "",
            "idag"
        }) {
            assertTrue(IsoDate.parse(text).isEmpty(), text);
        }
    }
}
