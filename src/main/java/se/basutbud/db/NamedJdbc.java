package se.basutbud.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain JDBC for the large set-based reads, where Hibernate's row objects would cost more than the
 * query: named parameters as the native queries write them, and a cursor that fetches rows in batches
 * so that memory stays flat however many units there are.
 */
public final class NamedJdbc {

    /** {@code :name}, but not the second colon of a {@code ::cast}. */
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

    private static final int FETCH_SIZE = 5_000;

    private NamedJdbc() {}

    /** Runs a query; closing the result set closes the statement. Needs a transaction for the cursor. */
    public static ResultSet query(Connection connection, String namedSql, Map<String, Object> params)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        Matcher matcher = NAMED_PARAMETER.matcher(namedSql);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            if (!params.containsKey(matcher.group(1))) {
                throw new IllegalArgumentException("No value for :" + matcher.group(1));
            }
            values.add(params.get(matcher.group(1)));
            matcher.appendReplacement(sql, "?");
        }
        matcher.appendTail(sql);
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        statement.closeOnCompletion();
        statement.setFetchSize(FETCH_SIZE);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Collection<?> texts) {
                // "= any(:name)" with a collection: one text array parameter, however many values.
                statement.setArray(i + 1, connection.createArrayOf("text", texts.toArray()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement.executeQuery();
    }
}
