package se.basutbud.imports;

public enum ImportStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
}
