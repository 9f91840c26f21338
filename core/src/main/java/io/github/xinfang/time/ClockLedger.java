package io.github.xinfang.time;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The clock facts of a case: the latest run of each clock, kept up to date as events are applied
 * (DESIGN.md section 2, "Stopping"). Part of the case's state, so due dates are computed from the history
 * without replaying it. Immutable: every method returns a new ledger.
 *
 * @param runs the latest run of each clock that has run, in {@link ClockId} order
 * @since 0.1
 */
public record ClockLedger(List<ClockLedger.ClockRun> runs) {
    private static final ClockLedger EMPTY = new ClockLedger(List.of());

    /**
     * @throws NullPointerException if runs is null
     * @throws IllegalArgumentException if a clock appears twice
     */
    public ClockLedger {
        Objects.requireNonNull(runs, "runs");
        Map<ClockId, ClockLedger.ClockRun> m = new EnumMap<>(ClockId.class);
        for (ClockLedger.ClockRun r : runs) {
            if (m.put(Objects.requireNonNull(r, "runs element").clock(), r) != null) {
                throw new IllegalArgumentException("runs: " + r.clock() + " appears twice");
            }
        }
        runs = List.copyOf(m.values());
    }

    /** @return a ledger with no runs */
    public static ClockLedger empty() {
        return EMPTY;
    }

    /**
     * @param clock a clock
     * @return its latest run, if it has run
     */
    public Optional<ClockLedger.ClockRun> run(ClockId clock) {
        for (ClockLedger.ClockRun r : runs) if (r.clock() == clock) return Optional.of(r);
        return Optional.empty();
    }

    /**
     * Applies a dated fact.
     *
     * @param fact the fact
     * @param on its date
     * @param days the extension in days, for {@link Fact#EXTENDED} (ignored otherwise)
     * @return the ledger after the fact
     */
    public ClockLedger apply(Fact fact, LocalDate on, int days) {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(on, "on");
        Map<ClockId, ClockLedger.ClockRun> m = new EnumMap<>(ClockId.class);
        for (ClockLedger.ClockRun r : runs) m.put(r.clock(), r);
        for (ClockTable.Row row : ClockTable.rows()) {
            ClockTable.Action action = row.action(fact);
            if (action == null) continue;
            ClockId c = row.clock();
            switch (action) {
                case START -> start(m, c, on);
                case MEET -> m.computeIfPresent(c, (k, r) -> r.isOpen() ? r.met(on) : r);
                case STOP -> m.computeIfPresent(c, (k, r) -> r.isOpen() ? r.stop() : r);
                case PAUSE -> m.computeIfPresent(c, (k, r) -> r.isOpen() && r.pausedSince() == null ? r.pause(on) : r);
                case RESUME -> m.computeIfPresent(c, (k, r) -> r.isOpen() && r.pausedSince() != null ? r.resume(on) : r);
                case EXTEND -> m.computeIfPresent(c, (k, r) -> r.isOpen() ? r.extend(days) : r);
                default -> throw new AssertionError("unhandled action " + action);
            }
        }
        return new ClockLedger(new ArrayList<>(m.values()));
    }

    /**
     * Records that the sweep warned about, or recorded the breach or lapse of, a run.
     *
     * @param clock the clock
     * @param breach true for a breach or lapse, false for a warning
     * @return the ledger after it
     */
    public ClockLedger recordSweep(ClockId clock, boolean breach) {
        Map<ClockId, ClockLedger.ClockRun> m = new EnumMap<>(ClockId.class);
        for (ClockLedger.ClockRun r : runs) m.put(r.clock(), r);
        m.computeIfPresent(clock, (k, r) -> breach ? r.breach() : r.warn());
        return new ClockLedger(new ArrayList<>(m.values()));
    }

    /**
     * Moves the start of a clock's run to a corrected date (a corrected receipt date), keeping the rest.
     *
     * @param clock the clock
     * @param round the run to correct
     * @param on the corrected start
     * @return the ledger after the correction
     */
    public ClockLedger correctStart(ClockId clock, int round, LocalDate on) {
        Map<ClockId, ClockLedger.ClockRun> m = new EnumMap<>(ClockId.class);
        for (ClockLedger.ClockRun r : runs) m.put(r.clock(), r);
        m.computeIfPresent(clock, (k, r) -> r.round() != round ? r : new ClockLedger.ClockRun(r.clock(), r.round(), on, r.metOn(),
                r.stopped(), r.extensionDays(), r.pausedDays(), r.pausedSince(), r.warned(), r.breached()));
        return new ClockLedger(new ArrayList<>(m.values()));
    }

    private static void start(Map<ClockId, ClockLedger.ClockRun> m, ClockId c, LocalDate on) {
        ClockLedger.ClockRun old = m.get(c);
        m.put(c, new ClockLedger.ClockRun(c, old == null ? 1 : old.round() + 1, on, null, false, 0, 0, null, false, false));
    }

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

        ClockLedger.ClockRun met(LocalDate on) {
            // met while paused (a re-review concluded with its hearing still open): the open pause counts up to the meeting
            return new ClockLedger.ClockRun(clock, round, startedOn, on, stopped, extensionDays, pausedDays + openPauseDays(on), null, warned,
                    breached);
        }

        ClockLedger.ClockRun stop() {
            return new ClockLedger.ClockRun(clock, round, startedOn, metOn, true, extensionDays, pausedDays, null, warned, breached);
        }

        ClockLedger.ClockRun extend(int days) {
            return new ClockLedger.ClockRun(clock, round, startedOn, metOn, stopped, days, pausedDays, pausedSince, warned, breached);
        }

        ClockLedger.ClockRun pause(LocalDate on) {
            return new ClockLedger.ClockRun(clock, round, startedOn, metOn, stopped, extensionDays, pausedDays, on, warned, breached);
        }

        ClockLedger.ClockRun resume(LocalDate on) {
            return new ClockLedger.ClockRun(clock, round, startedOn, metOn, stopped, extensionDays, pausedDays + openPauseDays(on), null, warned,
                    breached);
        }

        private int openPauseDays(LocalDate until) {
            return pausedSince == null ? 0 : (int) Math.max(0, until.toEpochDay() - pausedSince.toEpochDay());
        }

        ClockLedger.ClockRun warn() {
            return new ClockLedger.ClockRun(clock, round, startedOn, metOn, stopped, extensionDays, pausedDays, pausedSince, true, breached);
        }

        ClockLedger.ClockRun breach() {
            return new ClockLedger.ClockRun(clock, round, startedOn, metOn, stopped, extensionDays, pausedDays, pausedSince, warned, true);
        }
    }
}
