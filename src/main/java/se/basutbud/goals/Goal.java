package se.basutbud.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import se.basutbud.careunit.UnitType;
import se.basutbud.db.TimestampedEntity;
import se.basutbud.eservice.EService;

/** A goal management decided: a target share by a deadline, over the units of a scope. */
@Entity
@Table(name = "goal")
public class Goal extends TimestampedEntity {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GoalMetric metric;

    /** The e-service the coverage metrics follow; null for the compliance metrics. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "e_service_id")
    public EService service;

    @Column(nullable = false, precision = 5, scale = 4)
    public BigDecimal target;

    @Column(nullable = false)
    public LocalDate deadline;

    /** The first month of the goal's history. */
    @Column(name = "from_date", nullable = false)
    public LocalDate from;

    @Column(name = "care_provider")
    public String careProvider;

    public String administration;

    public String municipality;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "goal_unit_type", joinColumns = @JoinColumn(name = "goal_id"))
    @Column(name = "unit_type", nullable = false)
    @Enumerated(EnumType.STRING)
    public Set<UnitType> unitTypes = EnumSet.noneOf(UnitType.class);

    /** The decision the goal comes from. */
    public String source;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
}
