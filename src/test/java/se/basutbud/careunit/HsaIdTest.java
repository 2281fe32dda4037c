package se.basutbud.careunit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import se.basutbud.web.problem.ApiException;

/** HSA-ids: any case in, upper case out; anything else is a bad request naming hsaId. */
class HsaIdTest {

    @Test
    void anyCaseIsNormalisedToUpperCase() {
        assertEquals("SE2321000073-1234", HsaId.normalize("se2321000073-1234"));
        assertEquals("SE2321000073-ABC1", HsaId.normalize("Se2321000073-aBc1"));
        assertEquals("SE2321000073", HsaId.organisation("SE2321000073-ABC1"));
    }

    @Test
    void whatIsNotAnHsaIdIsRefused() {
        for (String bad : new String[] {
            null,
            "",
            "SE2321000073",
            "SE232100007-1",
            "DK2321000073-1",
            "SE2321000073-",
            "SE2321000073-1 ",
            "SE2321000073-å",
            "SE2321000073-1/2",
            "SE2321000073-" + "1".repeat(19)
        }) {
            ApiException refused = assertThrows(ApiException.class, () -> HsaId.normalize(bad), String.valueOf(bad));
            assertEquals("hsaId", refused.errors().get(0).field());
        }
        assertEquals(31, HsaId.normalize("SE2321000073-" + "1".repeat(18)).length());
    }
}
