package se.basutbud.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The units an import's rows belong to (offerings, exemptions, listed residents): read locked, in HSA-id order
 * as the API's writes and the daily card refresh lock them, so that nothing of theirs changes under the plan; and
 * the API's rule for whether a row may change one.
 */
final class ImportUnits {

    record Unit(long id, String hsaId, String careProvider, LocalDate closedOn) {}

    private static final String COLUMNS = "select id, hsa_id, care_provider, closed_on from care_unit";

    private ImportUnits() {}

    /** The units of these HSA-ids that exist, by HSA-id, locked. */
    static Map<String, Unit> lock(Connection connection, Collection<String> hsaIds) throws SQLException {
        Map<String, Unit> units = new HashMap<>();
        try (PreparedStatement select =
                connection.prepareStatement(COLUMNS + " where hsa_id = any(?) order by hsa_id for update")) {
            select.setArray(1, connection.createArrayOf("text", hsaIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Unit unit = unit(rows);
                    units.put(unit.hsaId(), unit);
                }
            }
        }
        return units;
    }

    /** The next units of a care provider after an HSA-id, at most {@code limit}, locked. */
    static List<Unit> lockOfProvider(Connection connection, String careProvider, String after, int limit)
            throws SQLException {
        List<Unit> units = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                COLUMNS + " where care_provider = ? and hsa_id > ? order by hsa_id limit ? for update")) {
            select.setString(1, careProvider);
            select.setString(2, after);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    units.add(unit(rows));
                }
            }
        }
        return units;
    }

    /**
     * Whether a row may change the unit, as the API's {@code requireEditable} says: it exists, the caller may
     * edit its care provider, and it has not closed. If not, the reason is the row's error on its HSA-id.
     */
    static boolean editable(Unit unit, ImportRun run, FieldErrors row) {
        if (unit == null) {
            row.error("hsaId", "no care unit has this HSA-id");
            return false;
        }
        if (!run.actor.mayEdit(unit.careProvider())) {
            row.error(
                    "hsaId",
                    "the unit belongs to care provider " + unit.careProvider()
                            + ", which your token does not let you change");
            return false;
        }
        if (unit.closedOn() != null && !unit.closedOn().isAfter(run.importDate)) {
            row.error("hsaId", "the unit closed on " + unit.closedOn());
            return false;
        }
        return true;
    }

    private static Unit unit(ResultSet rows) throws SQLException {
        java.sql.Date closed = rows.getDate(4);
        return new Unit(
                rows.getLong(1), rows.getString(2), rows.getString(3), closed == null ? null : closed.toLocalDate());
    }
}
