package se.basutbud.exemption;

/** Where an exemption stands: only APPROVED ones count in compliance, coverage and contact cards. */
public enum ExemptionStatus {
    /** Asked for by a unit editor, waiting for an administrator. */
    REQUESTED,
    APPROVED,
    /** Refused; kept as history, never counted, never in the way of a new request. */
    REJECTED
}
