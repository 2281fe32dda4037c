package se.basutbud.web;

import se.basutbud.web.problem.ApiException;

/** A validated page and size from the query string: page ≥ 0 (default 0), size 1..500 (default 50). */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static PageRequest of(String page, String size) {
        PageRequest request = new PageRequest(
                QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE),
                QueryParams.integer("size", size, 50, 1, MAX_SIZE));
        // The first row's position is an int in the database query; past it, no list has rows anyway.
        if ((long) request.page() * request.size() > Integer.MAX_VALUE) {
            throw ApiException.badRequest("page", "page × size must be at most " + Integer.MAX_VALUE);
        }
        return request;
    }
}
