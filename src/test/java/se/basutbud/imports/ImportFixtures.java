package se.basutbud.imports;

import static org.junit.jupiter.api.Assertions.fail;
import static se.basutbud.support.Api.withToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import se.basutbud.support.Tokens;

/** The import fixtures under src/test/resources/imports, made the region's own, and jobs followed to their end. */
public final class ImportFixtures {

    private ImportFixtures() {}

    /**
     * The fixture's bytes with its placeholders filled in: {{P}} the care provider (HSA-ids {{P}}-1001…) and
     * {{ORGNO}} its organisation number. The bytes stay as the file has them (encoding, BOM, line ends).
     */
    static byte[] file(String name, String careProvider) {
        try (InputStream in = ImportFixtures.class.getResourceAsStream("/imports/" + name)) {
            byte[] bytes = in.readAllBytes();
            return replace(replace(bytes, "{{P}}", careProvider), "{{ORGNO}}", careProvider.substring(2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] replace(byte[] bytes, String placeholder, String value) {
        // Placeholders are ASCII, so the replacement is safe in any of the fixtures' encodings.
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        return latin1.replace(placeholder, value).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] zip(String entryName, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Submits a file as the token's bearer; returns the 202's answer. */
    static Response submit(String token, String kind, String contentType, byte[] file, Map<String, ?> query) {
        return withToken(token)
                .contentType(contentType)
                .accept("application/json")
                .queryParams(query)
                .body(file)
                .post("/api/v1/imports/" + kind);
    }

    static Response submit(String kind, String contentType, byte[] file, Map<String, ?> query) {
        return submit(Tokens.admin(), kind, contentType, file, query);
    }

    /** Submits as an administrator, checks the 202, and follows the job to its end. */
    static JsonPath run(String kind, String contentType, byte[] file, Map<String, ?> query) {
        Response accepted = submit(kind, contentType, file, query);
        accepted.then().statusCode(202);
        return finished(Tokens.admin(), accepted.jsonPath().getLong("id"));
    }

    /** The job once it has succeeded or failed; fails the test after a minute. */
    public static JsonPath finished(String token, long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = withToken(token)
                    .accept("application/json")
                    .get("/api/v1/imports/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String status = job.getString("status");
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted while following import " + id);
            }
        }
        fail("Import " + id + " did not finish within a minute");
        return null;
    }
}
