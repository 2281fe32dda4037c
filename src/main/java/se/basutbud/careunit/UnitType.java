package se.basutbud.careunit;

/** Kinds of care unit; a basutbud requirement can be limited to some of them. */
public enum UnitType {
    PRIMARY_CARE,
    SPECIALIST_CARE,
    PSYCHIATRY,
    DENTAL_CARE,
    CHILD_HEALTH,
    MATERNITY,
    YOUTH_CLINIC,
    REHABILITATION,
    OTHER
}
