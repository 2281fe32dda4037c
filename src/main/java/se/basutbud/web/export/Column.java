package se.basutbud.web.export;

/** A column of an exported table: its header (the field's API name) and how its values are written. */
public record Column(String name, Kind kind) {

    public enum Kind {
        TEXT,
        INTEGER,
        /** A number with decimals. */
        DECIMAL,
        /** A share from 0 to 1: a number in CSV, a percentage in a workbook. */
        SHARE,
        DATE,
        /** A compliance status, coloured in a workbook. */
        STATUS
    }

    public static Column text(String name) {
        return new Column(name, Kind.TEXT);
    }

    public static Column integer(String name) {
        return new Column(name, Kind.INTEGER);
    }

    public static Column decimal(String name) {
        return new Column(name, Kind.DECIMAL);
    }

    public static Column share(String name) {
        return new Column(name, Kind.SHARE);
    }

    public static Column date(String name) {
        return new Column(name, Kind.DATE);
    }

    public static Column status(String name) {
        return new Column(name, Kind.STATUS);
    }
}
