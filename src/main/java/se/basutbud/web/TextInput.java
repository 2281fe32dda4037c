package se.basutbud.web;

/**
 * Patterns for free text in requests: names are one line without control characters. Written in the
 * common subset of Java and ECMA-262 regular expressions, because the contract publishes them and clients
 * (JSON Schema validators, browsers) check them with ECMA-262: {@code \p{Cntrl}} means something else there.
 */
public final class TextInput {

    /** No control characters at all (tabs and line breaks included). */
    public static final String SINGLE_LINE = "^[^\\x00-\\x1F\\x7F]*$";

    public static final String SINGLE_LINE_MESSAGE = "must not contain control characters or line breaks";
    /** Line breaks and tabs allowed, other control characters not. */
    public static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

    public static final String MULTI_LINE_MESSAGE =
            "must not contain control characters other than line breaks and tabs";

    /** An absolute http or https URL without spaces or control characters. */
    public static final String WEB_URL = "^https?://[^\\s\\x00-\\x1F\\x7F]+$";

    public static final String WEB_URL_MESSAGE = "must be an absolute http or https URL";

    private TextInput() {}

    /** Null for a missing or blank value, else the value without surrounding white space. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
