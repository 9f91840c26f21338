package io.github.xinfang.spring.boot.test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of the {@link XinfangTest} slice: an {@link InstantSource} the test sets and moves, so that deadlines,
 * warnings and breaches are reached without waiting. It starts at {@link #START} (a working Monday morning in
 * Beijing). Thread-safe.
 *
 * @since 0.4
 */
public final class XinfangTestClock implements InstantSource {
    /** Where every slice's clock starts: Monday 2 March 2026, 10:00 in Beijing (02:00 UTC), a working day. */
    public static final Instant START = Instant.parse("2026-03-02T02:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    /** A clock at {@link #START}. */
    public XinfangTestClock() {}

    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * @param instant the new instant (it may lie before the current one)
     * @return this clock
     */
    public XinfangTestClock set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        return this;
    }

    /**
     * @param amount how far to move, not negative
     * @return this clock
     * @throws IllegalArgumentException if amount is negative
     */
    public XinfangTestClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) throw new IllegalArgumentException("amount must not be negative");
        now.updateAndGet(t -> t.plus(amount));
        return this;
    }
}
