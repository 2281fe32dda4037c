package se.basutbud.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import io.quarkus.test.junit.QuarkusMock;

import se.basutbud.TimeSource;

/** Moves "today" for one test: installed with QuarkusMock, it is gone when the test ends. */
public class FixedTimeSource extends TimeSource {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private FixedTimeSource(LocalDate today) {
        super(Clock.fixed(today.atTime(12, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM));
    }

    public static void setToday(LocalDate today) {
        QuarkusMock.installMockForType(new FixedTimeSource(today), TimeSource.class);
    }
}
