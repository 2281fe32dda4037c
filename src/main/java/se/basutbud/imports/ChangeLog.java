package se.basutbud.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;

import se.basutbud.db.JdbcBatch;

/**
 * What an import changes, written as it is found, in the import's transaction: kept for a dry run or a good
 * file, gone with the rest for a file with errors. Memory holds a batch, however many changes there are.
 */
final class ChangeLog implements AutoCloseable {

    private final long jobId;
    private final PreparedStatement insert;
    private final JdbcBatch batch;
    private final Function<Object, String> json;
    private int seq;

    ChangeLog(Connection connection, long jobId, Function<Object, String> json) throws SQLException {
        this.jobId = jobId;
        this.json = json;
        this.insert = connection.prepareStatement(
                "insert into import_change (import_id, seq, line, key, action, fields) values (?, ?, ?, ?, ?, ?::jsonb)");
        this.batch = new JdbcBatch(insert);
    }

    void add(ImportDtos.Change change) {
        try {
            insert.setLong(1, jobId);
            insert.setInt(2, seq++);
            insert.setObject(3, change.line());
            insert.setString(4, change.key());
            insert.setString(5, change.action().name());
            insert.setString(6, json.apply(change.fields()));
            batch.add();
        } catch (SQLException e) {
            throw new IllegalStateException("An import's change could not be recorded", e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            batch.finish();
        } finally {
            insert.close();
        }
    }
}
