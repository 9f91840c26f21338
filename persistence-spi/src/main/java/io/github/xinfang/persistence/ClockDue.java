package io.github.xinfang.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * One open duty clock or duty of a case and the instant it becomes overdue: a value of the index row's
 * {@link IndexRow#clockDues() clock dues} column, computed by core. The clock is named as core names it (a clock
 * such as {@code HANDLING}, or a duty such as {@code PLAN_STEP:2.3}); the adapter stores the name as opaque text.
 * The clock is late at an instant {@code t} when {@code dueAt} is at or before {@code t}. Immutable.
 *
 * @param clock the clock's name, unique within a row, not blank, at most {@value #MAX_CLOCK_LENGTH} characters
 * @param dueAt the instant the clock becomes overdue (the start of the day after its last day, in the case's zone)
 * @since 0.4
 */
public record ClockDue(String clock, Instant dueAt) implements Comparable<ClockDue> {
    /** The longest clock name. */
    public static final int MAX_CLOCK_LENGTH = 512;

    /**
     * @throws NullPointerException naming a null clock or dueAt
     * @throws IllegalArgumentException if clock is blank or longer than {@value #MAX_CLOCK_LENGTH} characters
     */
    public ClockDue {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dueAt, "dueAt");
        if (clock.isBlank()) throw new IllegalArgumentException("clock must not be blank");
        if (clock.length() > MAX_CLOCK_LENGTH) {
            throw new IllegalArgumentException("clock must be at most " + MAX_CLOCK_LENGTH + " characters");
        }
    }

    /**
     * @param asOf an instant
     * @return whether the clock is late at that instant ({@code dueAt <= asOf})
     * @throws NullPointerException if asOf is null
     */
    public boolean lateAt(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return !dueAt.isAfter(asOf);
    }

    /** Orders by clock name ({@link String#compareTo}), then due instant. */
    @Override
    public int compareTo(ClockDue o) {
        int c = clock.compareTo(o.clock);
        return c != 0 ? c : dueAt.compareTo(o.dueAt);
    }
}
