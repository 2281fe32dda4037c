package se.basutbud.exemption;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import se.basutbud.careunit.CareUnit;
import se.basutbud.db.TimestampedEntity;
import se.basutbud.eservice.EService;

/** Takes one base e-service off one unit's requirements, with a reason, optionally until a date (exclusive). */
@Entity
@Table(name = "exemption")
public class Exemption extends TimestampedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "care_unit_id")
    public CareUnit unit;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "e_service_id")
    public EService service;

    @Column(nullable = false)
    public String reason;

    public LocalDate until;
}
