package se.basutbud.baseline;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

import org.hibernate.Session;

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
        // Plain JDBC: on the path of every contact card computed on read, where Hibernate's mapping of a native
        // query's result cost more than the query (bench/RESULTS-notes.md).
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, published_at from baseline"
                    + " where status = 'PUBLISHED' and valid_from <= ? order by valid_from desc limit 1")) {
                select.setObject(1, date);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new Publication(
                                    row.getLong(1),
                                    row.getObject(2, OffsetDateTime.class).toInstant()))
                            : Optional.<Publication>empty();
                }
            }
        });
    }

    boolean isPublished() {
        return status == BaselineStatus.PUBLISHED;
    }
}
