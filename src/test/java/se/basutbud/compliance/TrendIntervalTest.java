package se.basutbud.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Stepping a trend: months keep the day where it exists and end of month where it does not. */
class TrendIntervalTest {

    @Test
    void stepsByMonthQuarterAndYear() {
        LocalDate start = LocalDate.of(2026, 1, 31);
        assertEquals(LocalDate.of(2026, 2, 28), TrendInterval.month.next(start, 1));
        assertEquals(LocalDate.of(2026, 3, 31), TrendInterval.month.next(start, 2));
        assertEquals(LocalDate.of(2026, 4, 30), TrendInterval.quarter.next(start, 1));
        assertEquals(LocalDate.of(2028, 1, 31), TrendInterval.year.next(start, 2));
        assertEquals(LocalDate.of(2028, 2, 29), TrendInterval.year.next(LocalDate.of(2024, 2, 29), 4));
    }
}
