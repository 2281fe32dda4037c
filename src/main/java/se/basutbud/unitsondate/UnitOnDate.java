package se.basutbud.unitsondate;

import java.util.Set;

import se.basutbud.careunit.UnitType;

/**
 * A unit open on a date, with the e-services it offers and is exempted from on that date; the code sets
 * iterate in code order.
 */
public record UnitOnDate(
        String hsaId,
        String name,
        UnitType unitType,
        String careProvider,
        String administration,
        String municipality,
        Set<String> offeredCodes,
        Set<String> exemptedCodes) {}
