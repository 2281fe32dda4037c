package se.basutbud.imports;

/** How a file meets what is already there. */
public enum ImportMode {
    /** The file's rows are created or updated; nothing else changes. */
    UPSERT,
    /**
     * The file is the complete list of one care provider's units (or open offerings, or exemptions in force):
     * what it does not list is closed (or ended) on the import date.
     */
    FULL
}
