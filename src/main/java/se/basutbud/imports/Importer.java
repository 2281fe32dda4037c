package se.basutbud.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * One kind of import: reads rows (checking each alone), then plans against the data as it is (under the
 * import lock, in the transaction that will write), then writes what it planned. A dry run stops after the plan.
 */
interface Importer {

    /** Lower-case column name → field, for every name the import reads. */
    Map<String, String> aliases();

    /** The service's own column names, which win over HSA's when a file has both. */
    Set<String> ownNames();

    /** The fields without which no row can be read: a CSV without their columns is refused as a whole. */
    Set<String> requiredFields();

    /** Checks one row alone and keeps it; errors go to the run. */
    void row(ParsedRow row, ImportRun run);

    /** Compares the kept rows with the data and records every change, and any error that needs the data. */
    void plan(Connection connection, ImportRun run) throws SQLException;

    /** Writes the planned changes, with an audit row each; called only when the plan has no error. */
    void apply(Connection connection, ImportRun run) throws SQLException;
}
