package se.basutbud.unitsondate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.basutbud.careunit.UnitType;

/**
 * What a contact card shows of a unit on a date: whether it is open, and the active e-services it offers;
 * and the days between which none of that changes by date alone: from {@code validFrom} (the last such change
 * on or before the date) until {@code validUntil} (the next one after it); null for none known.
 */
public record CardUnit(
        String hsaId,
        String name,
        UnitType unitType,
        String municipality,
        String address,
        String phone,
        String website,
        boolean open,
        List<OfferedService> offered,
        LocalDate validFrom,
        LocalDate validUntil,
        Revision revision,
        String inputsHash) {

    public record OfferedService(String code, String name, String url) {}

    /** A publication of a revision: a revision published, rolled back and published again is another. */
    public record Revision(long id, Instant publishedAt) {}
}
