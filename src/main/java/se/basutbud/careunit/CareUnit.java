package se.basutbud.careunit;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.NaturalId;

import se.basutbud.db.TimestampedEntity;

@Entity
@Table(name = "care_unit")
public class CareUnit extends TimestampedEntity {

    @NaturalId
    @Column(name = "hsa_id", nullable = false, updatable = false, length = 31)
    public String hsaId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type", nullable = false)
    public UnitType unitType;

    @Column(name = "care_provider", nullable = false)
    public String careProvider;

    public String administration;
    public String municipality;
    public String address;
    public String phone;
    public String website;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    public static Optional<CareUnit> findByHsaId(String hsaId) {
        return find("hsaId", hsaId).firstResultOptional();
    }

    /** The unit, locked until the transaction ends, so that writes to one unit happen one at a time. */
    static Optional<CareUnit> findByHsaIdForUpdate(String hsaId) {
        return find("hsaId", hsaId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
