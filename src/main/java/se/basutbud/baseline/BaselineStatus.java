package se.basutbud.baseline;

public enum BaselineStatus {
    /** Being prepared; can be edited, deleted, and tried in compliance reports. */
    DRAFT,
    /** Decided; never changes again. */
    PUBLISHED
}
