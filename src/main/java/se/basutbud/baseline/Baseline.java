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
     * index lookup rather than the whole revision.
     */
    static Optional<Publication> publicationInForceOn(LocalDate date) {
        return getEntityManager()
                .createQuery(
                        "select new se.basutbud.baseline.Baseline$Publication(b.id, b.publishedAt) "
                                + "from Baseline b where b.status = :published and b.validFrom <= :date order by b.validFrom desc",
                        Publication.class)
                .setParameter("published", BaselineStatus.PUBLISHED)
                .setParameter("date", date)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }

    boolean isPublished() {
        return status == BaselineStatus.PUBLISHED;
    }
}
