package se.basutbud.web.export;

/**
 * Text in CSV cells is data in every spreadsheet. A spreadsheet runs a field that starts with = + - @ (or a tab or
 * carriage return) as a formula, and a field starts wherever a separator ends: "," as RFC 4180 reads the file,
 * ";" as Excel with Swedish settings does. So an apostrophe goes before every such character at the start of the
 * value or after either separator (the cell is quoted, so it stays one cell for both). Unicode line and paragraph
 * separators and NEL end a row for some readers, quoted or not: they become spaces. An import takes the
 * apostrophes out again, so that a list exported, edited and imported keeps its text.
 */
public final class SpreadsheetText {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetText() {}

    public static String neutralise(String value) {
        StringBuilder safe = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (fieldStart(value, i) && FORMULA_STARTS.indexOf(c) >= 0) {
                safe.append('\'');
            }
            safe.append(c == '\u2028' || c == '\u2029' || c == '\u0085' ? ' ' : c);
        }
        return safe.toString();
    }

    /** The text as it was before {@link #neutralise}: each apostrophe it put before a formula start goes. */
    public static String restore(String value) {
        if (value.indexOf('\'') < 0) {
            return value;
        }
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean added = c == '\''
                    && fieldStart(value, i)
                    && i + 1 < value.length()
                    && FORMULA_STARTS.indexOf(value.charAt(i + 1)) >= 0;
            if (!added) {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static boolean fieldStart(String value, int i) {
        return i == 0 || value.charAt(i - 1) == ',' || value.charAt(i - 1) == ';';
    }
}
