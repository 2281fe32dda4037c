package se.basutbud.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import se.basutbud.web.problem.ApiException;

/**
 * Parses query parameters taken as strings. JAX-RS answers 404 when it cannot convert a query parameter;
 * a wrong date or number is the client's mistake, so we parse here and answer 400 naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {}

    public static LocalDate date(String name, String value, LocalDate defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return IsoDate.parse(value.strip()).orElseThrow(() -> ApiException.badRequest(name, IsoDate.EXPECTED));
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "must be a whole number");
        }
        if (parsed < min || parsed > max) {
            throw ApiException.badRequest(
                    name,
                    max == Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max);
        }
        return parsed;
    }

    public static long id(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiException.badRequest(name, "must be a whole number");
        }
    }

    /** An optional id: null when absent, a 400 naming the parameter when not a number. */
    public static Long optionalId(String name, String value) {
        return value == null || value.isBlank() ? null : id(name, value);
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    name,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    public static boolean bool(String name, String value, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name, "must be true or false");
        };
    }

    /** A free-text filter: blank means no filter; bounded so a search can never be a denial of service. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            throw ApiException.badRequest(name, "must be at most 200 characters");
        }
        // In NFC, as every text the service stores (NfcTextModule), so that a filter finds what was written.
        return NfcTextModule.nfc(value.strip());
    }
}
