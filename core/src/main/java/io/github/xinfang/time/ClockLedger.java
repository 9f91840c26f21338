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
public record ClockLedger(List<ClockRun> runs) {
    private static final ClockLedger EMPTY = new ClockLedger(List.of());

    /**
     * @throws NullPointerException if runs is null
     * @throws IllegalArgumentException if a clock appears twice
     */
    public ClockLedger {
        Objects.requireNonNull(runs, "runs");
        Map<ClockId, ClockRun> m = new EnumMap<>(ClockId.class);
        for (ClockRun r : runs) {
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
    public Optional<ClockRun> run(ClockId clock) {
        for (ClockRun r : runs) if (r.clock() == clock) return Optional.of(r);
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
        Map<ClockId, ClockRun> m = new EnumMap<>(ClockId.class);
        for (ClockRun r : runs) m.put(r.clock(), r);
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
        Map<ClockId, ClockRun> m = new EnumMap<>(ClockId.class);
        for (ClockRun r : runs) m.put(r.clock(), r);
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
        Map<ClockId, ClockRun> m = new EnumMap<>(ClockId.class);
        for (ClockRun r : runs) m.put(r.clock(), r);
        m.computeIfPresent(clock, (k, r) -> r.round() != round ? r : new ClockRun(r.clock(), r.round(), on, r.metOn(),
                r.stopped(), r.extensionDays(), r.pausedDays(), r.pausedSince(), r.warned(), r.breached()));
        return new ClockLedger(new ArrayList<>(m.values()));
    }

    private static void start(Map<ClockId, ClockRun> m, ClockId c, LocalDate on) {
        ClockRun old = m.get(c);
        m.put(c, new ClockRun(c, old == null ? 1 : old.round() + 1, on, null, false, 0, 0, null, false, false));
    }

}
