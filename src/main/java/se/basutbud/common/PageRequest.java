package se.basutbud.common;

/** A validated page and size from the query string: page ≥ 0 (default 0), size 1..500 (default 50). */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static PageRequest of(String page, String size) {
        return new PageRequest(
                QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE),
                QueryParams.integer("size", size, 50, 1, MAX_SIZE));
    }

    public int offset() {
        return Math.toIntExact(Math.min((long) page * size, Integer.MAX_VALUE));
    }
}
