package se.basutbud.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Sends a prepared statement's rows to the database a thousand at a time, for writes of many rows. */
public final class JdbcBatch {

    private static final int SIZE = 1_000;

    private final PreparedStatement statement;
    private int pending;

    public JdbcBatch(PreparedStatement statement) {
        this.statement = statement;
    }

    public void add() throws SQLException {
        statement.addBatch();
        if (++pending == SIZE) {
            statement.executeBatch();
            pending = 0;
        }
    }

    public void finish() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }
}
