package se.basutbud.baseline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import se.basutbud.eservice.EService;

/** One e-service a revision requires, limited to some unit types or (empty) required of every unit. */
@Entity
@Table(name = "baseline_requirement")
public class BaselineRequirement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "baseline_id")
    public Baseline baseline;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "e_service_id")
    public EService service;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "unit_types", nullable = false)
    public String[] unitTypes = new String[0];
}
