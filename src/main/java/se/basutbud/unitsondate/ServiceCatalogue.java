package se.basutbud.unitsondate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import se.basutbud.change.ChangeListener;
import se.basutbud.change.InvalidatingCache;
import se.basutbud.db.NamedJdbc;

/**
 * The e-services' ids, codes and names, read once and kept: the set-based reads return service ids, and a
 * few hundred services at most are shared by every unit. Ids and codes never change; a name does, and that
 * change tells every replica (all units changed), which evicts the catalogue; a service added since is
 * noticed by its unknown id.
 */
@ApplicationScoped
public class ServiceCatalogue {

    private static final String THE_CATALOGUE = "e-services";

    private final EntityManager entityManager;
    /** One entry; no unit's change evicts it, only a change to every unit (a service renamed, say). */
    private final InvalidatingCache<String, Services> cache;

    ServiceCatalogue(EntityManager entityManager, ChangeListener listener) {
        this.entityManager = entityManager;
        this.cache = new InvalidatingCache<>(listener, 1, key -> "");
    }

    /**
     * The catalogue, knowing every one of these codes (those of the revisions a report uses): read again if
     * one is new since it was read. Must run in a transaction.
     */
    public Services knowingCodes(Collection<String> codes) {
        return entityManager
                .unwrap(Session.class)
                .doReturningWork(connection ->
                        knowing(connection, services -> codes.stream().allMatch(services.idByCode::containsKey)));
    }

    /** The catalogue, read again if it does not know every one of these ids (a service added since). */
    Services knowing(Connection connection, Object[]... ids) {
        return knowing(connection, services -> services.knowsAll(ids));
    }

    private Services knowing(Connection connection, Predicate<Services> knowsWhatIsAsked) {
        Services services = cache.get(THE_CATALOGUE, () -> read(connection));
        if (knowsWhatIsAsked.test(services)) {
            return services;
        }
        cache.invalidateAll();
        return cache.get(THE_CATALOGUE, () -> read(connection));
    }

    private static Services read(Connection connection) {
        try (ResultSet rows = NamedJdbc.query(
                connection, "select id, code, name from e_service order by code collate \"C\"", Map.of())) {
            Services services = new Services();
            while (rows.next()) {
                services.add(rows.getLong(1), rows.getString(2), rows.getString(3));
            }
            return services;
        } catch (SQLException e) {
            throw new IllegalStateException("The e-service catalogue could not be read", e);
        }
    }

    /** The services ranked in code order (Java's and collation C's alike). */
    public static final class Services {
        private final Map<Long, Integer> rankById = new HashMap<>();
        private final Map<String, Long> idByCode = new HashMap<>();
        private final List<String> codes = new ArrayList<>();
        private final Map<String, String> nameByCode = new HashMap<>();

        private void add(long id, String code, String name) {
            rankById.put(id, codes.size());
            idByCode.put(code, id);
            codes.add(code);
            nameByCode.put(code, name);
        }

        boolean knowsAll(Object[]... lists) {
            for (Object[] list : lists) {
                for (Object id : list) {
                    if (!rankById.containsKey(((Number) id).longValue())) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Ids as their codes, in code order; the code strings are shared, so 50,000 units hold 40 of them. */
        Set<String> codesOf(Object[] ids) {
            int[] ranks = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                ranks[i] = rankById.get(((Number) ids[i]).longValue());
            }
            Arrays.sort(ranks);
            Set<String> result = new LinkedHashSet<>(ids.length * 2);
            for (int rank : ranks) {
                result.add(codes.get(rank));
            }
            return result;
        }

        /** How many services there are: ranks run from 0 to one less. */
        public int size() {
            return codes.size();
        }

        /** The service's rank in code order, or -1 for a code the catalogue does not know. */
        public int rankOf(String code) {
            Long id = idByCode.get(code);
            return id == null ? -1 : rankById.get(id);
        }

        /** The service's rank in code order, or -1 for an id the catalogue does not know. */
        int rankOf(long id) {
            return rankById.getOrDefault(id, -1);
        }

        /** The service's name, or null for a code the catalogue does not know. */
        public String nameOf(String code) {
            return nameByCode.get(code);
        }
    }
}
