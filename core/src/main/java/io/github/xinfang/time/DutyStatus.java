package io.github.xinfang.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The status of one duty at an instant, as {@link TimeLimits#duties} computes it. Immutable.
 *
 * @param duty which duty
 * @param startedOn the day it started
 * @param dueOn its last day
 * @param dueAt the instant it becomes overdue (the start of the day after {@code dueOn})
 * @param warnAt the instant it becomes due soon, or null when no warning window applies
 * @param dueIsFinal whether the calendar's notices cover the due date (a named date is always final)
 * @param state running, due soon, overdue, met, met late or stopped
 * @param metOn the day it was met, or null
 * @param daysLate days between the due date and the day it was met, or the instant's day while open (negative: early)
 * @param warningRecorded whether the sweep recorded its warning
 * @param breachRecorded whether the sweep recorded its breach
 * @since 0.2
 */
public record DutyStatus(DutyId duty, LocalDate startedOn, LocalDate dueOn, Instant dueAt, Instant warnAt, boolean dueIsFinal,
                         ClockState state, LocalDate metOn, long daysLate, boolean warningRecorded, boolean breachRecorded) {
    /** @throws NullPointerException naming a required argument that is null */
    public DutyStatus {
        Objects.requireNonNull(duty, "duty");
        Objects.requireNonNull(startedOn, "startedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(state, "state");
    }
}
