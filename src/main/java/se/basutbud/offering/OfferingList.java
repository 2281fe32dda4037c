package se.basutbud.offering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import se.basutbud.careunit.UnitFilter;
import se.basutbud.db.NamedJdbc;
import se.basutbud.db.OptionalConditions;
import se.basutbud.web.Page;
import se.basutbud.web.PageRequest;
import se.basutbud.web.export.Column;
import se.basutbud.web.export.TableWriter;

/**
 * Every unit's offerings: those in force on a date (of the units open then), or every period, with the unit
 * filters. The export's first columns are the offering import's, so that it round-trips.
 */
@ApplicationScoped
public class OfferingList {

    static final List<Column> COLUMNS = List.of(
            Column.text("hsaId"),
            Column.text("serviceCode"),
            Column.text("url"),
            Column.date("since"),
            Column.date("until"),
            Column.text("unitName"),
            Column.text("serviceName"));

    private final EntityManager entityManager;

    OfferingList(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What to list: {@code asOf} is ignored with {@code history}. */
    public record Query(UnitFilter filter, String serviceCode, LocalDate asOf, boolean history) {}

    @Transactional
    public Page<UnitOfferingDto> page(Query query, PageRequest request) {
        OptionalConditions conditions = conditions(query);
        Map<String, Object> params = new HashMap<>(conditions.params());
        List<UnitOfferingDto> items = new ArrayList<>();
        long[] total = {0};
        params.put("limit", request.size());
        params.put("offset", (long) request.page() * request.size());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (ResultSet count = NamedJdbc.query(
                    connection, "select count(*)" + FROM + conditions.andClauses(), conditions.params())) {
                count.next();
                total[0] = count.getLong(1);
            }
            try (ResultSet rows = NamedJdbc.query(
                    connection,
                    SELECT + FROM + conditions.andClauses() + ORDER + " limit :limit offset :offset",
                    params)) {
                while (rows.next()) {
                    items.add(row(rows));
                }
            }
        });
        return new Page<>(items, request.page(), request.size(), total[0]);
    }

    /** Every row, in the list's order, one at a time. */
    @Transactional
    public void forEach(Query query, Consumer<UnitOfferingDto> consumer) {
        OptionalConditions conditions = conditions(query);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (ResultSet rows =
                    NamedJdbc.query(connection, SELECT + FROM + conditions.andClauses() + ORDER, conditions.params())) {
                while (rows.next()) {
                    consumer.accept(row(rows));
                }
            }
        });
    }

    /** Starts the sheet and answers a consumer of its rows. */
    public static Consumer<UnitOfferingDto> sheet(TableWriter writer, String title) throws IOException {
        writer.sheet("Erbjudanden", title, COLUMNS, true);
        return offering -> {
            try {
                writer.row(Arrays.asList(
                        offering.hsaId(),
                        offering.serviceCode(),
                        offering.url(),
                        offering.since(),
                        offering.until(),
                        offering.unitName(),
                        offering.serviceName()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static final String SELECT = "select u.hsa_id, u.name, s.code, s.name, o.url, o.since, o.until";
    private static final String FROM = " from offering o join care_unit u on u.id = o.care_unit_id"
            + " join e_service s on s.id = o.e_service_id where true";
    private static final String ORDER = " order by u.hsa_id, s.code, o.since";

    private static OptionalConditions conditions(Query query) {
        OptionalConditions conditions = query.filter()
                .conditions(UnitFilter.Naming.TABLE)
                .add("s.code = :serviceCode", "serviceCode", query.serviceCode());
        if (!query.history()) {
            conditions
                    .add("o.since <= :asOf and (o.until is null or o.until > :asOf)", "asOf", query.asOf())
                    .add("(u.opened_on is null or u.opened_on <= :openOn)", "openOn", query.asOf())
                    .add("(u.closed_on is null or u.closed_on > :closedAfter)", "closedAfter", query.asOf());
        }
        return conditions;
    }

    private static UnitOfferingDto row(ResultSet rows) throws java.sql.SQLException {
        java.sql.Date until = rows.getDate(7);
        return new UnitOfferingDto(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getDate(6).toLocalDate(),
                until == null ? null : until.toLocalDate());
    }
}
