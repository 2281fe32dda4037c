package se.basutbud.compliance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain JDBC for the large compliance reads, where Hibernate's row objects would cost more than the
 * query: named parameters as the native queries write them, and a cursor that fetches rows in batches
 * so that memory stays flat however many units there are.
 */
final class NamedJdbc {

    /** {@code :name}, but not the second colon of a {@code ::cast}. */
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

    private static final int FETCH_SIZE = 5_000;

    private NamedJdbc() {}

    /** Runs a query; closing the result set closes the statement. Needs a transaction for the cursor. */
    static ResultSet query(Connection connection, String namedSql, Map<String, Object> params) throws SQLException {
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
            statement.setObject(i + 1, values.get(i));
        }
        return statement.executeQuery();
    }
}
