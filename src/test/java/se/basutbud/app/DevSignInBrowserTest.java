package se.basutbud.app;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.request;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import se.basutbud.support.NodeScript;

/**
 * Without an identity provider, dev mode and the tests offer a dev-only sign-in that picks a role: in real
 * headless Chromium, an editor signs in and comes back to the view they asked for.
 */
@QuarkusTest
class DevSignInBrowserTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void aRoleIsPickedAndThePersonLandsOnTheViewTheyAskedFor() throws Exception {
        request()
                .get("/app/config")
                .then()
                .statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("devSignIn", equalTo(true))
                .body("issuer", nullValue());
        String service = root.toString().replaceAll("/$", "");
        JsonNode seen = new ObjectMapper()
                .readTree(NodeScript.run(Path.of("src", "test", "browser", "dev-sign-in.cjs"), 90, service));

        assertEquals("Logga in", seen.get("signInHeading").asText());
        assertEquals(1, seen.get("buttons").size(), "only the dev sign-in, no provider: " + seen);
        assertEquals("Basutbud", seen.get("heading").asText(), "back on the view asked for: " + seen);
        assertTrue(seen.get("who").asText().contains("Enhetsredaktör"), seen.toString());
        assertEquals("unit-editor", seen.get("session").get("roles").get(0).asText());
        assertEquals(
                "SE2320000001", seen.get("session").get("organisations").get(0).asText());
        assertEquals(List.of(), new ObjectMapper().convertValue(seen.get("errors"), List.class));
    }
}
