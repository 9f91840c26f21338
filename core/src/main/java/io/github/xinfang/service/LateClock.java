package io.github.xinfang.service;

import io.github.xinfang.time.ClockId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One late duty clock or duty of an overdue case (超期), as of an instant, computed from the case's index row alone.
 *
 * <p>Days late are <b>calendar days</b> in the zone of the service's time limits: the instant's date minus the last
 * day of the limit ({@code dueOn}), as {@link io.github.xinfang.time.TimeLimits.ClockStatus#daysLate()} counts them. A limit in
 * working days (the 5-working-day objection window, a regional 5-working-day acceptance clock) is still counted as
 * late by calendar days: LEGAL.md's counting rules say how a limit's last day falls, not how lateness is reported, and
 * the escalation policy's "days overdue" counts calendar days too. The day the limit ends is not late; the next day is
 * day 1. Immutable.
 *
 * @param clock the clock's name as the index stores it: a {@link ClockId} constant ({@code HANDLING}) or a duty
 *              ({@code PLAN_STEP:2.3}, see {@link io.github.xinfang.time.DutyId})
 * @param dueOn the last day of the limit
 * @param dueAt the instant the clock became overdue (the start of the day after {@code dueOn})
 * @param daysLate calendar days past {@code dueOn}, at least 1
 * @since 0.4
 */
public record LateClock(String clock, LocalDate dueOn, Instant dueAt, long daysLate) {

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if clock is blank or daysLate is below 1
     */
    public LateClock {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(dueAt, "dueAt");
        if (clock.isBlank()) throw new IllegalArgumentException("clock must not be blank");
        if (daysLate < 1) throw new IllegalArgumentException("daysLate must be at least 1");
    }

    /** @return the procedure clock, if this is one (a duty such as {@code PLAN_STEP:2.3} is not) */
    public Optional<ClockId> clockId() {
        for (ClockId id : ClockId.values()) {
            if (id.name().equals(clock)) return Optional.of(id);
        }
        return Optional.empty();
    }
}
