package io.github.xinfang.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A controllable {@link InstantSource} for tests. Thread-safe. */
public final class TestClock implements InstantSource {
    private final AtomicReference<Instant> now;

    private TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** @param start the first instant @return a clock standing at start */
    public static TestClock at(Instant start) {
        return new TestClock(start);
    }

    /** @param iso an ISO instant @return a clock standing there */
    public static TestClock at(String iso) {
        return new TestClock(Instant.parse(iso));
    }

    /** @param instant where to stand */
    public void set(Instant instant) {
        now.set(instant);
    }

    /** @param d how far to move */
    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }
}
