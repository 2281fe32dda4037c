package se.basutbud.common;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings; see application.properties for what each is for. */
@ConfigMapping(prefix = "basutbud")
public interface BasutbudConfig {

    /** The time zone whose date is "today". */
    @WithDefault("Europe/Stockholm")
    ZoneId zone();

    ContactCard contactCard();

    Compliance compliance();

    SampleData sampleData();

    interface ContactCard {
        /** Seconds browsers and CDNs may cache a card before revalidating it. */
        @WithDefault("60")
        @Min(0)
        @Max(300)
        int maxAge();

        /** Cards each replica keeps in memory; every region's units fit at the default. */
        @WithDefault("100000")
        @Min(0)
        long cacheSize();

        /** How often each replica checks, in the background, whether the cards need their daily refresh; 0 never. */
        @WithDefault("30S")
        Duration refreshCheck();
    }

    interface Compliance {
        /** One unit's compliance (today, the revision in force) kept in memory per replica. */
        @WithDefault("100000")
        @Min(0)
        long cacheSize();
    }

    interface SampleData {
        /** Load a fictitious region at start-up when the database has no care units (dev mode). */
        @WithDefault("false")
        boolean enabled();
    }
}
