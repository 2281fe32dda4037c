package se.basutbud.eservice;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.NaturalId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "e_service")
public class EService extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<EService> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public boolean isActive() {
        return status == EServiceStatus.ACTIVE;
    }
}
