package se.basutbud.exemption;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import se.basutbud.careunit.CareUnit;
import se.basutbud.db.TimestampedEntity;
import se.basutbud.eservice.EService;

/**
 * Takes one base e-service off one unit's requirements for a period [since, until), with a reason; until is
 * null while it lasts. A unit has at most one standing (requested or approved) period at a time per service;
 * only approved ones count.
 */
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

    @Column(nullable = false)
    public LocalDate since;

    public LocalDate until;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExemptionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", nullable = false)
    public ExemptionReason reasonCode;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    /** Every period of one unit and service that stands (requested or approved), oldest first. */
    static List<Exemption> periods(CareUnit unit, EService service) {
        return list(
                "unit = ?1 and service = ?2 and status <> ?3 order by since", unit, service, ExemptionStatus.REJECTED);
    }

    /** In force on the day or later: the period a write changes rather than starting a new one. */
    boolean lastsBeyond(LocalDate day) {
        return until == null || until.isAfter(day);
    }
}
