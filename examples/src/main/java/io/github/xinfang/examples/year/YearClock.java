package io.github.xinfang.examples.year;

import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The clock the year demo injects, as a portal injects its own: an {@link InstantSource} the player moves to fixed
 * times of the days it plays (08:00 for the deadline sweep, 09:00 for the day's work, in the service's zone), so a run
 * is repeatable. Legal dates never come from it. Not thread-safe.
 */
final class YearClock implements InstantSource {
    private final ZoneId zone;
    private Instant now;

    /**
     * @param zone the zone of the days
     * @param start the first instant
     */
    YearClock(ZoneId zone, Instant start) {
        this.zone = zone;
        this.now = start;
    }

    /** Moves to a time of a day, never backwards. */
    void set(LocalDate day, LocalTime time) {
        Instant next = day.atTime(time).atZone(zone).toInstant();
        if (next.isBefore(now)) throw new IllegalStateException("the demo clock never moves backwards: " + next + " < " + now);
        now = next;
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
