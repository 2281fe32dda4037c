package se.basutbud.eservice;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.NaturalId;

import se.basutbud.db.TimestampedEntity;

@Entity
@Table(name = "e_service")
public class EService extends TimestampedEntity {

    @NaturalId
    @Column(nullable = false, updatable = false, length = 64)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_en")
    public String nameEn;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EServiceStatus status;

    public static Optional<EService> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The service, locked until the transaction ends, so that edits of it happen one at a time. */
    static Optional<EService> findByCodeForUpdate(String code) {
        return find("code", code)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public boolean isActive() {
        return status == EServiceStatus.ACTIVE;
    }
}
