package se.basutbud.careunit;

import java.util.Locale;
import java.util.regex.Pattern;

import se.basutbud.web.problem.ApiException;

/**
 * HSA-ids from the national HSA catalogue: {@code SE}, the issuing organisation's 10-digit organisation
 * number, a hyphen and a local part of ASCII letters and digits; at most 31 characters. Case-insensitive;
 * stored and shown upper-case.
 */
public final class HsaId {

    public static final String PATTERN = "^[Ss][Ee][0-9]{10}-[A-Za-z0-9]+$";
    public static final int MAX_LENGTH = 31;
    static final String MESSAGE = "must be SE, a 10-digit organisation number, a hyphen and ASCII letters or digits, "
            + "at most 31 characters";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private HsaId() {}

    /** The canonical, upper-case form; a 400 naming {@code hsaId} if the value is not an HSA-id. */
    public static String normalize(String value) {
        if (value == null
                || value.length() > MAX_LENGTH
                || !COMPILED.matcher(value).matches()) {
            throw ApiException.badRequest("hsaId", MESSAGE);
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /** {@code SE} and the organisation number: the default care provider of a unit. */
    public static String organisation(String normalizedHsaId) {
        return normalizedHsaId.substring(0, 12);
    }
}
