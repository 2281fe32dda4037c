package se.basutbud.baseline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import se.basutbud.db.TimestampedEntity;

/** A revision of the basutbud: the base set of e-services every unit (of the listed types) must offer. */
@Entity
@Table(name = "baseline")
public class Baseline extends TimestampedEntity {

    @Column(nullable = false)
    public String name;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    public String decision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BaselineStatus status;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The subject of the token that published it. */
    @Column(name = "published_by")
    public String publishedBy;

    @OneToMany(mappedBy = "baseline", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<BaselineRequirement> requirements = new ArrayList<>();

    static Optional<Baseline> findByIdForUpdate(long id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Which publication of a revision: a revision published, rolled back and published again is another. */
    record Publication(long id, Instant publishedAt) {}

    /**
     * The published revision in force on a date (the one with the latest validFrom on or before it), as an
     * index lookup rather than the whole revision. In SQL, not HQL: every unit's compliance and card asks this,
     * and at a cold start dozens of requests at once parsing the HQL constructor expression held one another up
     * in the HQL parser for over a minute (bench/RESULTS-notes.md).
     */
    static Optional<Publication> publicationInForceOn(LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select id, published_at from baseline where status = 'PUBLISHED'"
                        + " and valid_from <= ?1 order by valid_from desc limit 1")
                .setParameter(1, date)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Publication(((Number) row[0]).longValue(), toInstant(row[1])));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    boolean isPublished() {
        return status == BaselineStatus.PUBLISHED;
    }
}
