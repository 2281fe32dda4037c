package se.basutbud.offering;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import se.basutbud.careunit.CareUnit;
import se.basutbud.db.TimestampedEntity;
import se.basutbud.eservice.EService;

/** A period [since, until) in which a unit offers an e-service; until is null while it lasts. */
@Entity
@Table(name = "offering")
public class Offering extends TimestampedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "care_unit_id")
    public CareUnit unit;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "e_service_id")
    public EService service;

    public String url;

    @Column(nullable = false)
    public LocalDate since;

    public LocalDate until;

    /** Every period of one unit and service, oldest first. */
    static List<Offering> periods(CareUnit unit, EService service) {
        return list("unit = ?1 and service = ?2 order by since", unit, service);
    }

    /** Every period of a unit, ended and future ones too, by service code and start. */
    static List<Offering> allPeriods(CareUnit unit) {
        return list("unit = ?1 order by service.code, since", unit);
    }

    /** What a unit offers on a date, by service code. */
    static List<Offering> offeredOn(CareUnit unit, LocalDate date) {
        return list("unit = ?1 and since <= ?2 and (until is null or until > ?2) order by service.code", unit, date);
    }

    boolean isOpen() {
        return until == null;
    }
}
