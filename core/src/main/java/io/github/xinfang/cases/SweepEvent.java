package io.github.xinfang.cases;

import io.github.xinfang.time.Obligation;
import java.time.Instant;
import java.util.Objects;

/**
 * Events the deadline sweep records: warnings, breaches and lapses of a case's clocks, each a profile clock's run or a
 * duty from the case's facts (one {@link io.github.xinfang.time.Obligation.Source}). The events once stored as
 * {@code case.duty-warning-recorded} and {@code case.duty-breach-recorded} read as {@link WarningRecorded} and
 * {@link BreachRecorded} of the duty, round 1.
 * A closed set of immutable records. Every record starts with the three components every event has ({@code id},
 * {@code actor}, {@code recordedAt}: see {@link CaseEvent}); its constructor throws {@link NullPointerException}
 * naming a required component that is null.
 *
 * @since 0.4
 */
public sealed interface SweepEvent extends CaseEvent {
    /**
     * The sweep recorded that a clock (a profile clock or a duty) is due soon (预警).
     *
     * @param id the event's id
     * @param actor the sweep
     * @param recordedAt when it was recorded
     * @param clock the clock: a profile clock or a duty
     * @param round its run (1 for a duty)
     * @param dueAt its due instant
     * @since 0.1
     */
    record WarningRecorded(EventId id, Actor actor, Instant recordedAt, Obligation.Source clock, int round, Instant dueAt) implements SweepEvent {
        public WarningRecorded {
            Components.nonNull(WarningRecorded.class, id, actor, recordedAt, clock);
            Objects.requireNonNull(dueAt, "dueAt");
            if (round < 1) throw new IllegalArgumentException("round must be at least 1");
        }
    }

    /**
     * The sweep recorded that a clock (a profile clock or a duty) is overdue (超期).
     *
     * @param id the event's id
     * @param actor the sweep
     * @param recordedAt when it was recorded
     * @param clock the clock: a profile clock or a duty
     * @param round its run (1 for a duty)
     * @param dueAt its due instant
     * @since 0.1
     */
    record BreachRecorded(EventId id, Actor actor, Instant recordedAt, Obligation.Source clock, int round, Instant dueAt) implements SweepEvent {
        public BreachRecorded {
            Components.nonNull(BreachRecorded.class, id, actor, recordedAt, clock);
            Objects.requireNonNull(dueAt, "dueAt");
            if (round < 1) throw new IllegalArgumentException("round must be at least 1");
        }
    }

    /**
     * The sweep recorded that a window lapsed unused.
     *
     * @param id the event's id
     * @param actor the sweep
     * @param recordedAt when it was recorded
     * @param clock the window
     * @param round its run
     * @param dueAt its end
     * @since 0.1
     */
    record LapseRecorded(EventId id, Actor actor, Instant recordedAt, Obligation.Source clock, int round, Instant dueAt) implements SweepEvent {
        public LapseRecorded {
            Components.nonNull(LapseRecorded.class, id, actor, recordedAt, clock);
            Objects.requireNonNull(dueAt, "dueAt");
            if (round < 1) throw new IllegalArgumentException("round must be at least 1");
        }
    }
}
