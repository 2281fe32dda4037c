package se.basutbud.exemption;

/** Why a unit is exempted, beside the free-text reason. */
public enum ExemptionReason {
    /** The unit does not do that work. */
    NOT_APPLICABLE,
    /** Its record or booking system cannot. */
    TECHNICAL,
    /** For a while, e.g. a rebuild. */
    TEMPORARY,
    /** A decided exception. */
    DECIDED
}
