package se.basutbud.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.ws.rs.core.UriBuilder;

import org.junit.jupiter.api.Test;

/** The Link header of a page: first and last always, prev and next where they exist, filters kept. */
class PageLinksTest {

    private static final UriBuilder REQUEST =
            UriBuilder.fromUri("http://localhost/api/v1/care-units?municipality=V%C3%A4xj%C3%B6&page=1&size=2");

    private static String header(int page, int size, long total) {
        return PageLinks.header(REQUEST, new Page<>(List.of(), page, size, total));
    }

    @Test
    void aMiddlePageLinksEveryWay() {
        assertEquals(
                "</api/v1/care-units?municipality=V%C3%A4xj%C3%B6&page=0&size=2>; rel=\"first\", "
                        + "</api/v1/care-units?municipality=V%C3%A4xj%C3%B6&page=0&size=2>; rel=\"prev\", "
                        + "</api/v1/care-units?municipality=V%C3%A4xj%C3%B6&page=2&size=2>; rel=\"next\", "
                        + "</api/v1/care-units?municipality=V%C3%A4xj%C3%B6&page=2&size=2>; rel=\"last\"",
                header(1, 2, 5));
    }

    @Test
    void theEndsAndAnEmptyList() {
        assertEquals(List.of("first", "next", "last"), relations(header(0, 2, 5)));
        assertEquals(List.of("first", "prev", "last"), relations(header(2, 2, 5)));
        assertEquals(List.of("first", "last"), relations(header(0, 50, 0)));
        assertEquals(List.of("first", "last"), relations(header(0, 2, 2)));
        // Past the end: prev leads back to the last page.
        String beyond = header(9, 2, 5);
        assertEquals(List.of("first", "prev", "last"), relations(beyond));
        assertEquals(true, beyond.contains("page=2&size=2>; rel=\"prev\""));
    }

    private static List<String> relations(String header) {
        return java.util.Arrays.stream(header.split(", "))
                .map(link -> link.substring(link.indexOf("rel=\"") + 5, link.length() - 1))
                .toList();
    }
}
