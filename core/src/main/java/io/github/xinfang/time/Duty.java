package io.github.xinfang.time;

import io.github.xinfang.calendar.TimeLimit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One run of a duty clock whose due date comes from the case's facts: either a date the fact names (a plan
 * step's date, a batch's target date, a supervision's feedback date) or a limit counted from its start on the
 * case's calendar (the replacement of a package leader). Immutable.
 *
 * @param id which duty
 * @param startedOn the day it started
 * @param dueOn the last day, when the fact names it; null when {@code limit} gives it
 * @param limit the limit counted from {@code startedOn}, or null when {@code dueOn} is given
 * @param metOn the day it was met, or null
 * @param stopped whether it was stopped without being met
 * @param warned whether the sweep recorded its warning
 * @param breached whether the sweep recorded its breach
 * @since 0.2
 */
public record Duty(DutyId id, LocalDate startedOn, LocalDate dueOn, TimeLimit limit, LocalDate metOn, boolean stopped,
                   boolean warned, boolean breached) {
    /**
     * @throws NullPointerException naming a required argument that is null
     * @throws IllegalArgumentException unless exactly one of dueOn and limit is given, or if met and stopped
     */
    public Duty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedOn, "startedOn");
        if ((dueOn == null) == (limit == null)) throw new IllegalArgumentException("exactly one of dueOn and limit must be given");
        if (metOn != null && stopped) throw new IllegalArgumentException("a duty is not both met and stopped");
    }

    /**
     * @param id which duty
     * @param startedOn the day it starts
     * @param dueOn its last day
     * @return a running duty due on a named day
     */
    public static Duty dueOn(DutyId id, LocalDate startedOn, LocalDate dueOn) {
        return new Duty(id, startedOn, Objects.requireNonNull(dueOn, "dueOn"), null, null, false, false, false);
    }

    /**
     * @param id which duty
     * @param startedOn the day it starts
     * @param limit the limit counted from that day
     * @return a running duty due when the limit runs out
     */
    public static Duty within(DutyId id, LocalDate startedOn, TimeLimit limit) {
        return new Duty(id, startedOn, null, Objects.requireNonNull(limit, "limit"), null, false, false, false);
    }

    /** @return whether it is neither met nor stopped */
    public boolean isOpen() {
        return metOn == null && !stopped;
    }

    Duty met(LocalDate on) {
        return new Duty(id, startedOn, dueOn, limit, on, false, warned, breached);
    }

    Duty stop() {
        return new Duty(id, startedOn, dueOn, limit, null, true, warned, breached);
    }

    Duty warn() {
        return new Duty(id, startedOn, dueOn, limit, metOn, stopped, true, breached);
    }

    Duty breach() {
        return new Duty(id, startedOn, dueOn, limit, metOn, stopped, warned, true);
    }
}
