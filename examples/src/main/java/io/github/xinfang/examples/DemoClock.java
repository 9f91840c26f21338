package io.github.xinfang.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;

/**
 * The clock the demos inject, as a portal injects its own: an {@link InstantSource} moved by hand to fixed
 * instants, so the output is repeatable. Not thread-safe.
 */
final class DemoClock implements InstantSource {
    private Instant now;

    /** @param start the first instant, ISO-8601 (for example {@code 2026-03-02T01:00:00Z}) */
    DemoClock(String start) {
        this.now = Instant.parse(start);
    }

    /** @param iso the instant to move to, ISO-8601 */
    void set(String iso) {
        now = Instant.parse(iso);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
