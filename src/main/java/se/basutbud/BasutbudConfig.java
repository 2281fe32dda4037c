package se.basutbud;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

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

    /**
     * How many days before today a unit editor may date the start or end of an offering or an exemption;
     * rewriting earlier days (past reports) is an administrator's act.
     */
    @WithDefault("30")
    @Min(0)
    int backDatingDays();

    ContactCard contactCard();

    Compliance compliance();

    SampleData sampleData();

    Cors cors();

    Compression compression();

    Http http();

    Imports imports();

    /** Files of care units, offerings and exemptions brought in ({@code /api/v1/imports}). */
    interface Imports {
        /** The largest file accepted; larger is a 413. The HTTP layer's body limit follows it. */
        @WithDefault("50M")
        io.quarkus.runtime.configuration.MemorySize maxFileSize();

        /**
         * The share of a care provider's open units that a full import may close; more is refused unless the
         * request says {@code allowMassClose=true}, so that a truncated file cannot close a region.
         */
        @WithDefault("0.10")
        double massCloseShare();

        /** The type of a new unit whose file gives neither a type nor a verksamhetskod (HSA's FileService). */
        @WithDefault("OTHER")
        se.basutbud.careunit.UnitType defaultUnitType();

        /**
         * A unit's type by its HSA verksamhetskod ({@code businessClassificationCode}): an exact code, or its
         * first two digits (the code's group). The region sets its own; application.properties has the defaults.
         */
        java.util.Map<String, se.basutbud.careunit.UnitType> unitTypes();

        /** How long a file may take to arrive after the request's headers; longer is a 408. */
        @WithDefault("10M")
        Duration uploadTimeout();

        /** How long an import's writing transaction may take. */
        @WithDefault("15M")
        Duration transactionTimeout();

        /**
         * An unfinished job whose replica has not beaten its heart for this long ended with that replica: every
         * replica then marks it failed (its transaction was rolled back with the replica).
         */
        @WithDefault("40S")
        Duration staleAfter();

        /**
         * How often a replica beats the heart of the jobs it runs, and looks for jobs whose replica died; read
         * by the scheduler ({@code ImportJobs}).
         */
        @WithDefault("5s")
        String heartbeat();
    }

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

        /**
         * How often each replica checks, in the background, whether the cards need their daily refresh: a
         * duration such as {@code 30s}, or {@code off}. Read by the scheduler ({@code DailyCardRefresh}).
         */
        @WithDefault("30s")
        String refreshCheck();
    }

    interface Compliance {
        /**
         * Megabytes of units' compliance (today's, under the revision in force) each replica keeps in memory;
         * about 1 kB a unit, so the default holds 50,000 units. 0: no cache.
         */
        @WithDefault("64")
        @Min(0)
        long cacheMegabytes();

        /**
         * Full reports computed at once per replica (each holds a database connection for about a second at
         * national scale); one at a time per caller.
         */
        @WithDefault("2")
        @Min(1)
        int concurrentReports();

        /** How long a full report waits for a computing slot before the client is told to come back (503). */
        @WithDefault("10S")
        Duration reportWait();

        /**
         * Full reports a replica holds in files at once, from the start of their computing until their answer
         * is over (sent, or the client gone or cut off by the idle timeout); more are told to come back (503).
         */
        @WithDefault("16")
        @Min(1)
        int maxSpooledReports();

        /** The same for one caller: a client that starts reports and reads none cannot fill the disk. */
        @WithDefault("2")
        @Min(1)
        int maxSpooledReportsPerCaller();
    }

    /** Which web pages on other origins may call the API from a browser (CORS). */
    interface Cors {
        /**
         * Origins whose pages may read the public data (contact cards, the feed, the e-service catalogue,
         * basutbud revisions, the service's info); {@code *} for any.
         */
        @WithDefault("*")
        List<String> publicOrigins();

        /** Origins whose pages may call every operation, with a bearer token; none by default. */
        Optional<List<String>> authenticatedOrigins();

        /** How long a browser may remember a preflight's answer. */
        @WithDefault("10M")
        Duration preflightMaxAge();
    }

    interface Compression {
        /** Answers smaller than this many bytes are sent as they are; compressing them would save little. */
        @WithDefault("1024")
        @Min(0)
        int minSize();
    }

    /** What the service reads of a request; the HTTP layer's own limits lie above these. */
    interface Http {
        /** Bytes of path and query; longer is a 414. */
        @WithDefault("8192")
        @Min(256)
        int maxUrlLength();

        /** Bytes of all header fields together (names and values); more is a 431. */
        @WithDefault("16384")
        @Min(1024)
        int maxHeaderSize();

        /** The largest request body, but for an import's file ({@code basutbud.imports.max-file-size}); larger is a 413. */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();

        /** How long a body may take to arrive after the request's headers; longer is a 408. */
        @WithDefault("30S")
        Duration bodyTimeout();

        /** How long a request's line and header fields may take to arrive after its first byte; longer is a 408. */
        @WithDefault("20S")
        Duration headTimeout();
    }

    interface SampleData {
        /** Load a fictitious region at start-up when the database has no care units (dev mode). */
        @WithDefault("false")
        boolean enabled();
    }
}
