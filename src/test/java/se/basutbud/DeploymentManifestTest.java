package se.basutbud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.basutbud.support.Api.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/** deploy/ must agree with the code: probes on health paths that answer, variables the service reads. */
@QuarkusTest
class DeploymentManifestTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode deployment = read("deploy/kubernetes/deployment.yaml");
    private final JsonNode container = deployment.at("/spec/template/spec/containers/0");

    @Test
    void probesUseHealthPathsTheServiceAnswers() {
        assertEquals(
                "/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals(
                "/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals(
                "/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        for (String probe : new String[] {"readinessProbe", "livenessProbe", "startupProbe"}) {
            String path = container.at("/" + probe + "/httpGet/path").asText();
            request().get(path).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("UP"));
            assertEquals("http", container.at("/" + probe + "/httpGet/port").asText());
        }
        request()
                .get("/q/health/ready")
                .then()
                .body("checks.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Database")));
    }

    @Test
    void theDatabaseAndTheIdentityProviderAreConfiguredThroughVariablesTheServiceReads() {
        Set<String> variables = new HashSet<>();
        JsonNode secret = read("deploy/kubernetes/secret.example.yaml");
        for (JsonNode env : container.get("env")) {
            String name = env.get("name").asText();
            variables.add(name);
            String property = name.toLowerCase(Locale.ROOT).replace('_', '.');
            assertNotNull(
                    ConfigProvider.getConfig().getConfigValue(property).getValue(),
                    name + " must configure a property the service uses: " + property);
            if (env.has("valueFrom")) {
                JsonNode ref = env.at("/valueFrom/secretKeyRef");
                assertEquals(
                        secret.at("/metadata/name").asText(), ref.get("name").asText());
                assertTrue(secret.get("stringData").has(ref.get("key").asText()), "secret key " + ref.get("key"));
            }
        }
        assertEquals(
                Set.of(
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        "QUARKUS_DATASOURCE_USERNAME",
                        "QUARKUS_DATASOURCE_PASSWORD",
                        "QUARKUS_HTTP_PORT",
                        "MP_JWT_VERIFY_ISSUER",
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        "MP_JWT_VERIFY_AUDIENCES"),
                variables);
        for (String sensitive : new String[] {
            "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"
        }) {
            container.get("env").forEach(env -> {
                if (env.get("name").asText().equals(sensitive)) {
                    assertTrue(env.has("valueFrom"), sensitive + " comes from the Secret");
                }
            });
        }
    }

    @Test
    void portsAgreeAcrossImageDeploymentAndService() throws IOException {
        String port = container.at("/ports/0/containerPort").asText();
        container.get("env").forEach(env -> {
            if (env.get("name").asText().equals("QUARKUS_HTTP_PORT")) {
                assertEquals(port, env.get("value").asText());
            }
        });
        JsonNode service = read("deploy/kubernetes/service.yaml");
        assertEquals(
                container.at("/ports/0/name").asText(),
                service.at("/spec/ports/0/targetPort").asText());
        assertEquals(deployment.at("/spec/selector/matchLabels"), service.at("/spec/selector"));
        String dockerfile = Files.readString(Path.of("deploy/Dockerfile"));
        assertTrue(dockerfile.contains("EXPOSE " + port));
        assertTrue(dockerfile.contains("target/quarkus-app/"));
        assertTrue(dockerfile.contains("quarkus-run.jar"));
    }

    @Test
    void theTargetedPostgresqlMajorIsTheOneTheTestsRunOn() throws IOException {
        Matcher version =
                Pattern.compile("<postgres-binaries.version>(\\d+)\\.").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find());
        assertEquals(
                version.group(1),
                deployment
                        .at("/metadata/annotations")
                        .get("basutbud.se/postgresql-major")
                        .asText());
    }

    private static JsonNode read(String file) {
        try {
            return YAML.readTree(Path.of(file).toFile());
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }
}
