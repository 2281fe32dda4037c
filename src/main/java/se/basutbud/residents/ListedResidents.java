package se.basutbud.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import se.basutbud.careunit.CareUnit;
import se.basutbud.db.TimestampedEntity;

/** The residents listed at a unit from a date until the next figure's date. */
@Entity
@Table(name = "listed_residents")
public class ListedResidents extends TimestampedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "care_unit_id")
    public CareUnit unit;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(nullable = false)
    public int count;

    static List<ListedResidents> history(CareUnit unit) {
        return list("unit = ?1 order by validFrom", unit);
    }

    static Optional<ListedResidents> from(CareUnit unit, LocalDate validFrom) {
        return find("unit = ?1 and validFrom = ?2", unit, validFrom).firstResultOptional();
    }
}
