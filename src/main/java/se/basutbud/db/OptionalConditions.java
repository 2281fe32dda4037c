package se.basutbud.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The optional conditions of a list's query: each one is added only when its value is given. */
public final class OptionalConditions {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code clause}, which refers to {@code :name}, unless {@code value} is null. */
    public OptionalConditions add(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.put(name, value);
        }
        return this;
    }

    /** The clauses joined with {@code and}; empty (every row) when none was added. */
    public String query() {
        return String.join(" and ", clauses);
    }

    /** The clauses to append to a query that has its own {@code where}: each preceded by {@code and}. */
    public String andClauses() {
        return clauses.stream().map(clause -> " and " + clause).reduce("", String::concat);
    }

    public Map<String, Object> params() {
        return params;
    }

    /** A LIKE pattern matching {@code text} anywhere, its wildcards escaped with a backslash. */
    public static String containsPattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
