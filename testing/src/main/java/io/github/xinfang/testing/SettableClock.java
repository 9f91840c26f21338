package io.github.xinfang.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link InstantSource} a test sets and moves, for deadlines reached without waiting. Thread-safe.
 *
 * @since 0.4
 */
public final class SettableClock implements InstantSource {
    private final AtomicReference<Instant> now;

    private SettableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /**
     * @param start the first instant
     * @return a clock at it
     */
    public static SettableClock at(Instant start) {
        return new SettableClock(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * @param instant the new instant (it may lie before the current one)
     * @return this clock
     */
    public SettableClock set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        return this;
    }

    /**
     * Moves forward to an instant, never back.
     *
     * @param instant the instant
     * @return this clock, at the later of its instant and the given one
     */
    public SettableClock advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        now.accumulateAndGet(instant, (a, b) -> a.isAfter(b) ? a : b);
        return this;
    }

    /**
     * @param amount how far to move, not negative
     * @return this clock
     * @throws IllegalArgumentException if amount is negative
     */
    public SettableClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) throw new IllegalArgumentException("amount must not be negative");
        now.updateAndGet(t -> t.plus(amount));
        return this;
    }
}
