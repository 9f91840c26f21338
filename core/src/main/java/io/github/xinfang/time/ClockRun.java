package io.github.xinfang.time;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The facts of one run of one clock, derived from a case's history: when it started, whether and when it
 * was met, stopped, extended, paused, warned about, breached or lapsed. Due dates are not stored: they are
 * computed from these facts, the case's profile and the work calendar. Immutable.
 *
 * @param clock which clock
 * @param round the run's number for this clock within the case, from 1 (a restart starts a new round)
 * @param startedOn the date of the fact that started it
 * @param metOn the date of the fact that met it, or null
 * @param stopped whether it was stopped without being met
 * @param extensionDays days added by an extension (handling only)
 * @param pausedDays days of pauses already closed (hearings, re-review only)
 * @param pausedSince the date an open pause began, or null
 * @param warned whether the sweep recorded its warning (预警)
 * @param breached whether the sweep recorded its breach (超期) or, for a window, its lapse
 * @since 0.1
 */
public record ClockRun(ClockId clock, int round, LocalDate startedOn, LocalDate metOn, boolean stopped, int extensionDays,
                       int pausedDays, LocalDate pausedSince, boolean warned, boolean breached) {
    /**
     * @throws NullPointerException naming a null argument (metOn and pausedSince may be null)
     * @throws IllegalArgumentException if round is below 1 or a day count is negative
     */
    public ClockRun {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(startedOn, "startedOn");
        if (round < 1) throw new IllegalArgumentException("round must be at least 1");
        if (extensionDays < 0) throw new IllegalArgumentException("extensionDays must not be negative");
        if (pausedDays < 0) throw new IllegalArgumentException("pausedDays must not be negative");
    }

    /** @return whether the run is still open: neither met nor stopped */
    public boolean isOpen() {
        return metOn == null && !stopped;
    }

    ClockRun met(LocalDate on) {
        return new ClockRun(clock, round, startedOn, on, stopped, extensionDays, pausedDays, null, warned, breached);
    }

    ClockRun stop() {
        return new ClockRun(clock, round, startedOn, metOn, true, extensionDays, pausedDays, null, warned, breached);
    }

    ClockRun extend(int days) {
        return new ClockRun(clock, round, startedOn, metOn, stopped, days, pausedDays, pausedSince, warned, breached);
    }

    ClockRun pause(LocalDate on) {
        return new ClockRun(clock, round, startedOn, metOn, stopped, extensionDays, pausedDays, on, warned, breached);
    }

    ClockRun resume(LocalDate on) {
        int days = pausedSince == null ? 0 : (int) Math.max(0, on.toEpochDay() - pausedSince.toEpochDay());
        return new ClockRun(clock, round, startedOn, metOn, stopped, extensionDays, pausedDays + days, null, warned, breached);
    }

    ClockRun warn() {
        return new ClockRun(clock, round, startedOn, metOn, stopped, extensionDays, pausedDays, pausedSince, true, breached);
    }

    ClockRun breach() {
        return new ClockRun(clock, round, startedOn, metOn, stopped, extensionDays, pausedDays, pausedSince, warned, true);
    }
}
