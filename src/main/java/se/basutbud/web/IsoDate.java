package se.basutbud.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Dates as the API reads them, in query parameters and bodies alike: {@code YYYY-MM-DD} within 0001-01-01
 * and 9999-12-31. Java reads years of nine digits and negative ones; PostgreSQL and most clients cannot hold
 * them, so anything outside the window is the client's mistake (400), never a failure further in (500).
 */
public final class IsoDate {

    public static final LocalDate MIN = LocalDate.of(1, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);
    public static final String EXPECTED = "must be a date as YYYY-MM-DD between 0001-01-01 and 9999-12-31";

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private IsoDate() {}

    /** The date the text names, or empty when it is not a date within the window. */
    public static Optional<LocalDate> parse(String text) {
        try {
            LocalDate date = LocalDate.parse(text, FORMAT);
            return date.isBefore(MIN) || date.isAfter(MAX) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
