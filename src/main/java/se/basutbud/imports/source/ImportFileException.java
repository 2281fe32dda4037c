package se.basutbud.imports.source;

/** The file as a whole cannot be read: its encoding, its syntax, or its shape. Nothing of it is imported. */
public class ImportFileException extends Exception {

    private final Integer line;

    public ImportFileException(Integer line, String message) {
        super(message);
        this.line = line;
    }

    /** The line where reading stopped, when known. */
    public Integer line() {
        return line;
    }
}
