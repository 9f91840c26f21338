package io.github.xinfang.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One clock of a case as of an instant: its due date and instant (the end of the due date in the case's
 * zone), whether that date is final or provisional (the calendar does not yet cover it for sure), its
 * warning instant, its state and how late or early it is. Immutable.
 *
 * @param clock which clock
 * @param round the run's number
 * @param startedOn the date of the starting fact
 * @param dueOn the last day of the limit
 * @param dueAt the instant the limit ends (the start of the day after {@code dueOn} in the case's zone)
 * @param warnAt when the clock becomes due soon, or null if the profile gives it no warning window
 * @param dueIsFinal whether every calendar answer behind {@code dueOn} is final
 * @param state the state at the instant asked
 * @param metOn the date it was met, or null
 * @param daysLate days past {@code dueOn} (met late or overdue: positive), or before it (negative)
 * @param warningRecorded whether the sweep recorded this run's warning
 * @param breachRecorded whether the sweep recorded this run's breach (a duty) or lapse (a window)
 * @since 0.1
 */
public record ClockStatus(ClockId clock, int round, LocalDate startedOn, LocalDate dueOn, Instant dueAt, Instant warnAt,
                          boolean dueIsFinal, ClockState state, LocalDate metOn, long daysLate, boolean warningRecorded,
                          boolean breachRecorded) {
    /** @throws NullPointerException naming a required argument that is null */
    public ClockStatus {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(startedOn, "startedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(state, "state");
    }

    /** @return duty or window */
    public ClockKind kind() {
        return clock.kind();
    }

    /** @return the warning instant, if the clock has one */
    public Optional<Instant> warning() {
        return Optional.ofNullable(warnAt);
    }
}
