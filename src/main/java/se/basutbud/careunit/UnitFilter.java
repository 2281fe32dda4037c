package se.basutbud.careunit;

import java.util.Locale;

import se.basutbud.db.OptionalConditions;

/**
 * The filters of the unit list and of every compliance report; null means no filter. Written once, for the
 * entity queries of the list (JPQL) and the set-based reads on {@code care_unit u} (SQL) alike.
 */
public record UnitFilter(UnitType unitType, String careProvider, String administration, String municipality) {

    public static UnitFilter none() {
        return new UnitFilter(null, null, null, null);
    }

    /** How a query names the unit's fields: the entity's in JPQL, the table's (aliased {@code u}) in SQL. */
    public enum Naming {
        ENTITY,
        TABLE
    }

    /** The filter as conditions, each present only when its value is given. */
    public OptionalConditions conditions(Naming naming) {
        boolean entity = naming == Naming.ENTITY;
        return new OptionalConditions()
                .add(
                        (entity ? "unitType" : "u.unit_type") + " = :unitType",
                        "unitType",
                        unitType == null ? null : entity ? unitType : unitType.name())
                .add(
                        (entity ? "careProvider" : "u.care_provider") + " = :careProvider",
                        "careProvider",
                        careProvider == null ? null : careProvider.toUpperCase(Locale.ROOT))
                .add(
                        (entity ? "administration" : "u.administration") + " = :administration",
                        "administration",
                        administration)
                .add((entity ? "municipality" : "u.municipality") + " = :municipality", "municipality", municipality);
    }
}
