package se.basutbud.imports;

/** What an import does to one thing. */
public enum ChangeAction {
    /** A unit, offering period or exemption period that was not there. */
    CREATE,
    /** Values of one that was. */
    UPDATE,
    /** A unit closed because a full import no longer lists it. */
    CLOSE,
    /** An offering or exemption ended (on the import date in a full import, or by a row's end date). */
    END
}
