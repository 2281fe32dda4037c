package se.basutbud.eservice;

public enum EServiceStatus {
    /** Can be required by a basutbud and offered by units. */
    ACTIVE,
    /** Kept for history; no new requirements or offerings. */
    RETIRED
}
