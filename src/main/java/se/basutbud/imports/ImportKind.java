package se.basutbud.imports;

/** What a file imports. */
public enum ImportKind {
    CARE_UNITS,
    OFFERINGS,
    EXEMPTIONS,
    LISTED_RESIDENTS
}
