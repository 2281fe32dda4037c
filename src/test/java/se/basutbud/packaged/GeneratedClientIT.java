package se.basutbud.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

import se.basutbud.client.ApiClient;
import se.basutbud.client.ApiException;
import se.basutbud.client.ApiResponse;
import se.basutbud.client.api.BasutbudApi;
import se.basutbud.client.api.CareUnitsApi;
import se.basutbud.client.api.ComplianceApi;
import se.basutbud.client.api.ContactCardsApi;
import se.basutbud.client.api.OfferingsApi;
import se.basutbud.client.model.Baseline;
import se.basutbud.client.model.BaselineCreate;
import se.basutbud.client.model.BaselineStatus;
import se.basutbud.client.model.CareUnit;
import se.basutbud.client.model.CareUnitWrite;
import se.basutbud.client.model.ChangedContactCard;
import se.basutbud.client.model.ComplianceReport;
import se.basutbud.client.model.ComplianceStatus;
import se.basutbud.client.model.ContactCard;
import se.basutbud.client.model.ContactCardEService;
import se.basutbud.client.model.ContactCardFeed;
import se.basutbud.client.model.ContactCardFeedItem;
import se.basutbud.client.model.OfferingWrite;
import se.basutbud.client.model.Problem;
import se.basutbud.client.model.RemovedContactCard;
import se.basutbud.client.model.RequirementWrite;
import se.basutbud.client.model.UnitCompliance;
import se.basutbud.client.model.UnitType;
import se.basutbud.security.Roles;
import se.basutbud.support.Api;

/**
 * The Java client that openapi-generator makes from openapi/openapi.yaml (generator java, library native, as
 * the region's systems generate it), used for real against the packaged service: what a client team does on
 * its first day, from a unit to its card, and a problem decoded into its type.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceConfig.class)
class GeneratedClientIT {

    private static ApiClient client(String role) {
        String token = PackagedServiceConfig.identityProvider.token(role);
        return anonymous().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    private static ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        return client;
    }

    @Test
    void aClientGeneratedFromTheContractDoesTheWholeJourney() throws ApiException {
        ApiClient admin = client(Roles.ADMIN);
        String careProvider = Api.newCareProvider();
        String hsaId = careProvider + "-1";
        LocalDate validFrom = Api.farDate();

        CareUnit unit = new CareUnitsApi(admin)
                .putCareUnit(
                        hsaId.toLowerCase(),
                        new CareUnitWrite()
                                .name("Hälsocentralen Kvarnholmen")
                                .unitType(UnitType.PRIMARY_CARE)
                                .municipality("Kalmar"),
                        null);
        assertEquals(hsaId, unit.getHsaId());
        assertEquals(careProvider, unit.getCareProvider());

        new OfferingsApi(admin)
                .offerEService(
                        hsaId,
                        "fornya-recept",
                        new OfferingWrite().url(URI.create("https://e-tjanster.1177.se/mvk/fornya-recept")));

        BasutbudApi basutbud = new BasutbudApi(admin);
        Baseline draft = basutbud.createBaseline(new BaselineCreate()
                .name("Basutbud " + validFrom.getYear())
                .validFrom(validFrom)
                .decision("Sjukvårdsledningen, § 42"));
        String id = String.valueOf(draft.getId());
        basutbud.putRequirement(id, "fornya-recept", new RequirementWrite().unitTypes(List.of()), null);
        basutbud.putRequirement(
                id, "bestall-tid", new RequirementWrite().unitTypes(List.of(UnitType.PRIMARY_CARE)), null);
        ApiResponse<Baseline> read = basutbud.getBaselineWithHttpInfo(id);
        assertEquals(BaselineStatus.DRAFT, read.getData().getStatus());
        assertEquals(2, read.getData().getRequirements().size());
        String etag = header(read, "ETag");
        Baseline published = basutbud.publishBaseline(id, etag);
        assertEquals(BaselineStatus.PUBLISHED, published.getStatus());
        assertEquals(validFrom, published.getValidFrom());

        UnitCompliance compliance = new ComplianceApi(client(Roles.READER)).getUnitCompliance(hsaId, validFrom, null);
        assertEquals(List.of("bestall-tid", "fornya-recept"), compliance.getRequired());
        assertEquals(List.of("fornya-recept"), compliance.getOffered());
        assertEquals(List.of("bestall-tid"), compliance.getMissing());
        assertEquals(0.5, compliance.getScore());
        assertEquals(ComplianceStatus.PARTIAL, compliance.getStatus());

        ComplianceReport report = new ComplianceApi(client(Roles.READER))
                .getComplianceReport(null, validFrom, null, careProvider, null, null);
        assertEquals(1, report.getUnits().size());
        assertEquals(hsaId, report.getUnits().get(0).getHsaId());
        assertEquals(1, report.getSummary().getUnits());
        assertEquals(1, report.getSummary().getPartial());
        assertEquals(published.getId(), report.getBaseline().getId());

        ContactCardsApi cards = new ContactCardsApi(anonymous());
        ApiResponse<ContactCard> card = cards.getContactCardWithHttpInfo(hsaId, null);
        assertEquals(200, card.getStatusCode());
        assertEquals(
                List.of("fornya-recept"),
                card.getData().geteServices().stream()
                        .map(ContactCardEService::getCode)
                        .toList());
        String cardTag = header(card, "ETag");
        ApiException notModified = assertThrows(ApiException.class, () -> cards.getContactCard(hsaId, cardTag));
        assertEquals(304, notModified.getCode());

        // The whole feed, page by page: every item decodes as one of its two kinds, and our card is in it.
        ChangedContactCard ours = null;
        String cursor = null;
        for (int page = 0; page < 1_000; page++) {
            ContactCardFeed feed = cards.getContactCardFeed(cursor, 50);
            assertNotNull(feed.getCursor());
            for (ContactCardFeedItem item : feed.getItems()) {
                Object actual = item.getActualInstance();
                assertTrue(
                        actual instanceof ChangedContactCard || actual instanceof RemovedContactCard,
                        String.valueOf(actual));
                if (actual instanceof ChangedContactCard changed && hsaId.equals(changed.getHsaId())) {
                    ours = changed;
                }
            }
            cursor = feed.getCursor();
            if (!Boolean.TRUE.equals(feed.getHasMore())) {
                break;
            }
        }
        assertNotNull(ours, "the feed holds the unit's card");
        assertEquals(ChangedContactCard.RemovedEnum.FALSE, ours.getRemoved());
        assertEquals(
                List.of("fornya-recept"),
                ours.geteServices().stream().map(ContactCardEService::getCode).toList());
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().get(0))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void aProblemIsDecodedIntoItsType() throws Exception {
        ApiClient reader = client(Roles.READER);
        ApiException refused =
                assertThrows(ApiException.class, () -> new CareUnitsApi(reader).getCareUnit("not-an-hsa-id"));
        assertEquals(400, refused.getCode());
        Problem problem = ApiClient.createDefaultObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals("/problems/validation", problem.getType());
        assertEquals(400, problem.getStatus());
        assertEquals("hsaId", problem.getErrors().get(0).getField());
        assertFalse(problem.getDetail().isBlank());

        ApiException forbidden = assertThrows(ApiException.class, () -> new BasutbudApi(reader)
                .createBaseline(new BaselineCreate().name("Utkast").validFrom(LocalDate.of(2030, 1, 1))));
        assertEquals(403, forbidden.getCode());
        assertEquals(
                "/problems/forbidden",
                ApiClient.createDefaultObjectMapper()
                        .readValue(forbidden.getResponseBody(), Problem.class)
                        .getType());
    }
}
