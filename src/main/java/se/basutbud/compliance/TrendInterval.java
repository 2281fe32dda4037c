package se.basutbud.compliance;

import java.time.LocalDate;

public enum TrendInterval {
    month,
    quarter,
    year;

    LocalDate next(LocalDate from, int steps) {
        return switch (this) {
            case month -> from.plusMonths(steps);
            case quarter -> from.plusMonths(3L * steps);
            case year -> from.plusYears(steps);
        };
    }
}
