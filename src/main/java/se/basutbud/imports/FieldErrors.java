package se.basutbud.imports;

/** Where the errors of one row go, each on a field named as the file names it. */
interface FieldErrors {
    void error(String field, String message);
}
