package se.basutbud.unitsondate;

import java.util.List;

import se.basutbud.careunit.UnitType;

/** What a contact card shows of a unit on a date: whether it is open, and the active e-services it offers. */
public record CardUnit(
        String hsaId,
        String name,
        UnitType unitType,
        String municipality,
        String address,
        String phone,
        String website,
        boolean open,
        List<OfferedService> offered) {

    public record OfferedService(String code, String name, String url) {}
}
