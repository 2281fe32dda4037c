package se.basutbud.compliance;

import java.util.function.Function;

import se.basutbud.unitsondate.UnitOnDate;

/** The dimensions management follows compliance by. */
public enum GroupBy {
    careProvider(u -> u.careProvider()),
    unitType(u -> u.unitType().name()),
    administration(u -> u.administration()),
    municipality(u -> u.municipality());

    private final Function<UnitOnDate, String> key;

    GroupBy(Function<UnitOnDate, String> key) {
        this.key = key;
    }

    String keyOf(UnitOnDate unit) {
        return key.apply(unit);
    }
}
