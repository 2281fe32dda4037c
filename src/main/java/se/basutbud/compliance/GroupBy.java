package se.basutbud.compliance;

import java.util.function.Function;

/** The dimensions management follows compliance by. */
public enum GroupBy {
    careProvider(u -> u.careProvider()),
    unitType(u -> u.unitType().name()),
    administration(u -> u.administration()),
    municipality(u -> u.municipality());

    private final Function<UnitCompliance.UnitRow, String> key;

    GroupBy(Function<UnitCompliance.UnitRow, String> key) {
        this.key = key;
    }

    String keyOf(UnitCompliance.UnitRow unit) {
        return key.apply(unit);
    }
}
