package se.basutbud;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** "Today" is the date in Europe/Stockholm; instants are UTC. One place, so tests can move time. */
@ApplicationScoped
public class TimeSource {

    private final Clock clock;

    @Inject
    public TimeSource(BasutbudConfig config) {
        this(Clock.system(config.zone()));
    }

    protected TimeSource(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The instant today began: when what changes by date (an offering's start, say) took effect. */
    public Instant startOfToday() {
        return startOf(today());
    }

    /** The instant the day begins in the service's time zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    /** Now, truncated to microseconds, the precision PostgreSQL stores. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
