package se.basutbud.careunit;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import se.basutbud.db.OptionalConditions;

/**
 * The filters of the unit list and of every compliance report; null (or no unit types) means no filter.
 * Written once, for the entity queries of the list (JPQL) and the set-based reads on {@code care_unit u} (SQL)
 * alike. The query parameters name one unit type; a goal's scope may name several.
 */
public record UnitFilter(Set<UnitType> unitTypes, String careProvider, String administration, String municipality) {

    public UnitFilter {
        unitTypes = unitTypes == null ? Set.of() : Set.copyOf(unitTypes);
    }

    public static UnitFilter none() {
        return new UnitFilter(Set.of(), null, null, null);
    }

    /** The filter of one unit type, or of every type when it is null. */
    public static UnitFilter of(UnitType unitType, String careProvider, String administration, String municipality) {
        return new UnitFilter(
                unitType == null ? Set.of() : Set.of(unitType), careProvider, administration, municipality);
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
                        entity ? "unitType in :unitTypes" : "u.unit_type = any(:unitTypes)",
                        "unitTypes",
                        unitTypes.isEmpty()
                                ? null
                                : entity
                                        ? unitTypes
                                        : unitTypes.stream().map(UnitType::name).collect(Collectors.toSet()))
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
