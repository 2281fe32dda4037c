package se.basutbud.web;

/**
 * Patterns for free text in requests: names are one line without control characters. Written in the
 * common subset of Java and ECMA-262 regular expressions, because the contract publishes them and clients
 * (JSON Schema validators, browsers) check them with ECMA-262: {@code \p{Cntrl}} means something else there,
 * and {@code \p{Cf}} needs a flag. Text arrives in NFC ({@link NfcTextModule}, {@link QueryParams#text}).
 */
public final class TextInput {

    /**
     * Characters no name may hold, written out as ranges: controls beyond ASCII too (C1, NEL), the format
     * characters of the Basic Multilingual Plane (zero-width spaces and joiners, bidi embeddings and overrides,
     * the soft hyphen, the byte order mark), which let a name look like another, and the line and paragraph
     * separators.
     */
    private static final String INVISIBLE_OR_SEPARATING = "\\x7F-\\x9F\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u180E"
            + "\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB";

    /** No control or format characters at all (tabs and line breaks included). */
    public static final String SINGLE_LINE = "^[^\\x00-\\x1F" + INVISIBLE_OR_SEPARATING + "]*$";

    public static final String SINGLE_LINE_MESSAGE =
            "must not contain control or invisible formatting characters or line breaks";
    /** Line breaks and tabs allowed, other control and format characters not. */
    public static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F" + INVISIBLE_OR_SEPARATING + "]*$";

    public static final String MULTI_LINE_MESSAGE =
            "must not contain control or invisible formatting characters other than line breaks and tabs";

    /**
     * An absolute http or https URL as RFC 3986 writes it: a host of ASCII letters, digits, dots and hyphens
     * (an international name in its punycode form, xn--…, so a Cyrillic "а" cannot pass for a Latin "a"),
     * no user information before the host, and in the rest only the characters RFC 3986 allows unencoded,
     * less the apostrophe, so that a link published on 1177 can never close the HTML attribute it is put in.
     * Punctuation in the classes is escaped, as ECMA-262's v flag (HTML's pattern attribute) requires.
     */
    public static final String WEB_URL =
            "^https?://[A-Za-z0-9](?:[A-Za-z0-9.\\-]{0,251}[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[\\/?#][A-Za-z0-9._~:\\/?#\\[\\]@!$&\\(\\)*+,;=%\\-]*)?$";

    public static final String WEB_URL_MESSAGE =
            "must be an absolute http or https URL with an ASCII host (punycode for international names) and "
                    + "no unencoded spaces, quotes or angle brackets";

    private TextInput() {}

    /** Null for a missing or blank value, else the value without surrounding white space. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
