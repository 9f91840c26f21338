package io.github.xinfang.time;

import io.github.xinfang.calendar.TimeLimit;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One run of a time limit a case is held to (DESIGN.md section 2): a profile clock ({@link ClockId}: routing, handling,
 * the review windows, "1-2-3", ...) or a duty whose due date comes from the case's own facts ({@link DutyId}:
 * replacement of a package leader, a plan step, a batch target, supervision feedback). Both are started, met, stopped
 * and recorded by the sweep the same way, as the clock table says ({@code docs/clocks.md}); one status function
 * ({@link TimeLimits#obligations}) and one sweep path serve both. Due dates are not stored: a profile clock's comes
 * from the case's profile and calendar, a duty's from the date its fact names or from a limit counted from its
 * start. Immutable.
 *
 * @param source what it is: a profile clock or a duty
 * @param round the run's number for a profile clock within the case, from 1 (a restart starts a new round); always 1
 *     for a duty, whose id names its round
 * @param startedOn the date of the fact that started it
 * @param dueOn a duty's last day when its fact names one, else null
 * @param limit a duty's limit counted from {@code startedOn} when its fact names no date, else null
 * @param metOn the date of the fact that met it, or null
 * @param stopped whether it was stopped without being met
 * @param extensionDays days added by an extension (handling only)
 * @param pausedDays days of pauses already closed (hearings, re-review only)
 * @param pausedSince the date an open pause began, or null
 * @param warned whether the sweep recorded its warning (预警)
 * @param breached whether the sweep recorded its breach (超期) or, for a window, its lapse
 * @since 0.4
 */
public record Obligation(Obligation.Source source, int round, LocalDate startedOn, LocalDate dueOn, TimeLimit limit,
                         LocalDate metOn, boolean stopped, int extensionDays, int pausedDays, LocalDate pausedSince,
                         boolean warned, boolean breached) {
    /**
     * @throws NullPointerException naming a required argument that is null
     * @throws IllegalArgumentException if round is below 1 (or not 1 for a duty), a day count is negative, it is both
     *     met and stopped, a profile clock names a due date or limit of its own, or a duty names not exactly one
     */
    public Obligation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(startedOn, "startedOn");
        if (round < 1) throw new IllegalArgumentException("round must be at least 1");
        if (extensionDays < 0) throw new IllegalArgumentException("extensionDays must not be negative");
        if (pausedDays < 0) throw new IllegalArgumentException("pausedDays must not be negative");
        if (metOn != null && stopped) throw new IllegalArgumentException("an obligation is not both met and stopped");
        if (source instanceof ClockId) {
            if (dueOn != null || limit != null) throw new IllegalArgumentException("a profile clock's limit comes from the profile");
        } else {
            if ((dueOn == null) == (limit == null)) throw new IllegalArgumentException("exactly one of dueOn and limit must be given");
            if (round != 1) throw new IllegalArgumentException("round must be 1 for a duty");
        }
    }

    /**
     * @param clock a profile clock
     * @param round its run
     * @param on the date of the starting fact
     * @return a new running run of the clock
     */
    static Obligation clock(ClockId clock, int round, LocalDate on) {
        return new Obligation(clock, round, on, null, null, null, false, 0, 0, null, false, false);
    }

    /**
     * @param id which duty
     * @param startedOn the day it starts
     * @param dueOn its last day
     * @return a running duty due on a named day
     */
    public static Obligation dueOn(DutyId id, LocalDate startedOn, LocalDate dueOn) {
        return new Obligation(id, 1, startedOn, Objects.requireNonNull(dueOn, "dueOn"), null, null, false, 0, 0, null, false, false);
    }

    /**
     * @param id which duty
     * @param startedOn the day it starts
     * @param limit the limit counted from that day
     * @return a running duty due when the limit runs out
     */
    public static Obligation within(DutyId id, LocalDate startedOn, TimeLimit limit) {
        return new Obligation(id, 1, startedOn, null, Objects.requireNonNull(limit, "limit"), null, false, 0, 0, null, false, false);
    }

    /** @return whether it is still open: neither met nor stopped */
    public boolean isOpen() {
        return metOn == null && !stopped;
    }

    Obligation met(LocalDate on) {
        // met while paused (a re-review concluded with its hearing still open): the open pause counts up to the meeting
        return new Obligation(source, round, startedOn, dueOn, limit, on, stopped, extensionDays, pausedDays + openPauseDays(on), null,
                warned, breached);
    }

    Obligation stop() {
        return new Obligation(source, round, startedOn, dueOn, limit, metOn, true, extensionDays, pausedDays, null, warned, breached);
    }

    Obligation extend(int days) {
        return new Obligation(source, round, startedOn, dueOn, limit, metOn, stopped, days, pausedDays, pausedSince, warned, breached);
    }

    Obligation pause(LocalDate on) {
        return new Obligation(source, round, startedOn, dueOn, limit, metOn, stopped, extensionDays, pausedDays, on, warned, breached);
    }

    Obligation resume(LocalDate on) {
        return new Obligation(source, round, startedOn, dueOn, limit, metOn, stopped, extensionDays, pausedDays + openPauseDays(on), null,
                warned, breached);
    }

    Obligation startedOn(LocalDate on) {
        return new Obligation(source, round, on, dueOn, limit, metOn, stopped, extensionDays, pausedDays, pausedSince, warned, breached);
    }

    Obligation swept(boolean breach) {
        return new Obligation(source, round, startedOn, dueOn, limit, metOn, stopped, extensionDays, pausedDays, pausedSince,
                warned || !breach, breached || breach);
    }

    private int openPauseDays(LocalDate until) {
        return pausedSince == null ? 0 : (int) Math.max(0, until.toEpochDay() - pausedSince.toEpochDay());
    }

    /**
     * What an obligation is: a profile clock ({@link ClockId}) or a duty from the case's facts ({@link DutyId}). Its
     * text form, {@link #toString()}, is what the store and the sweep's keys hold: a clock's name ({@code HANDLING})
     * or a duty's kind and reference ({@code PLAN_STEP:2.3}); {@link #parse} reads it back. Immutable.
     *
     * @since 0.4
     */
    public sealed interface Source permits ClockId, DutyId {
        /** @return whether it is a window that lapses (something the petitioner or a unit may do), not a duty that falls overdue */
        boolean isWindow();

        /** @return its Chinese name */
        String chinese();

        /**
         * @param text a clock's name or a duty's {@code KIND:ref}
         * @return the source it names
         * @throws IllegalArgumentException if it names neither
         */
        static Source parse(String text) {
            Objects.requireNonNull(text, "text");
            return text.indexOf(':') < 0 ? ClockId.valueOf(text) : DutyId.parse(text);
        }
    }
}
