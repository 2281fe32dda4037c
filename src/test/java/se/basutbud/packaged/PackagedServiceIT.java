package se.basutbud.packaged;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static se.basutbud.support.Api.jsonAs;
import static se.basutbud.support.Api.request;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import se.basutbud.security.Roles;

/** The packaged jar, as production runs it: migrates on start, serves the API and Swagger UI, no sample data. */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceConfig.class)
class PackagedServiceIT {

    private static String token(String role) {
        return PackagedServiceConfig.identityProvider.token(role);
    }

    @Test
    void startsMigratedWithTheReferenceCatalogue() {
        request().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        request().get("/api/v1/e-services/fornya-recept").then().statusCode(200).body("name", equalTo("Förnya recept"));
        request().queryParam("size", 500).get("/api/v1/e-services").then().body("total", greaterThanOrEqualTo(22));
    }

    @Test
    void loadsNoSampleData() {
        // Only a database of its own shows what the packaged service loads; a shared one holds the tests' data.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null);
        jsonAs(token(Roles.READER))
                .queryParam("careProvider", "SE2320000001")
                .queryParam("includeClosed", true)
                .get("/api/v1/care-units")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void servesSwaggerUiAndTheContract() {
        request().get("/q/swagger-ui/").then().statusCode(200);
        request().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void trustsTheConfiguredIdentityProviderAndNeverTheDevKey() {
        jsonAs(token(Roles.READER)).get("/api/v1/care-units").then().statusCode(200);
        jsonAs(se.basutbud.support.Tokens.admin())
                .get("/api/v1/care-units")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        request().queryParam("role", "basutbud-admin").get("/dev/token").then().statusCode(404);
        // The region's own identity provider, but a token for another of its APIs.
        jsonAs(PackagedServiceConfig.identityProvider.token(Roles.READER, "journal-api"))
                .get("/api/v1/care-units")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void answersProblemsInProductionToo() {
        jsonAs(token(Roles.READER))
                .get("/api/v1/care-units/not-an-hsa-id")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("hsaId"));
        request().get("/api/v1/care-units").then().statusCode(401).contentType("application/problem+json");
    }
}
