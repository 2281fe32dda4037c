package se.basutbud.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import se.basutbud.support.Api;
import se.basutbud.support.NodeScript;

/**
 * A page of the region's website, on another origin, shows a unit's contact card: real headless Chromium
 * (Debian's chromium, driven by playwright-core) runs the page's script against the service.
 */
@QuarkusTest
class CrossOriginBrowserTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void aPageOnAnotherOriginFetchesACardReadsItsTagAndRevalidatesIt() throws Exception {
        String hsaId = Api.newCareProvider() + "-1";
        Api.putUnit(hsaId, "PRIMARY_CARE", Map.of("name", "Hälsocentralen Kvarnholmen"));
        Api.offer(hsaId, "fornya-recept", null);

        String service = root.toString().replaceAll("/$", "");
        String output = NodeScript.run(Path.of("src", "test", "browser", "cross-origin-card.cjs"), 90, service, hsaId);
        JsonNode seen = new ObjectMapper().readTree(output);

        assertFalse(seen.has("error"), output);
        assertNotEquals(
                URI.create(service).getPort(),
                URI.create(seen.get("origin").asText()).getPort(),
                "the page is on another origin");
        assertEquals(200, seen.get("firstStatus").asInt(), output);
        assertEquals("Hälsocentralen Kvarnholmen", seen.get("name").asText());
        assertEquals(
                List.of("fornya-recept"), List.of(seen.get("services").get(0).asText()));
        assertTrue(seen.get("etag").asText().startsWith("\""), "the page can read the ETag: " + output);
        assertTrue(seen.get("cacheControl").asText().startsWith("public, max-age="), output);
        assertEquals(304, seen.get("secondStatus").asInt(), "revalidated with If-None-Match: " + output);
        assertEquals(seen.get("etag").asText(), seen.get("secondEtag").asText());
        assertEquals(
                "blocked", seen.get("privateRead").asText(), "operations that need a token stay closed: " + output);
    }
}
