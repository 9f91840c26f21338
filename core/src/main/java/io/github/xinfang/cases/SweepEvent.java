package io.github.xinfang.cases;

import io.github.xinfang.time.ClockId;
import java.time.Instant;
import java.util.Objects;

/**
 * Events the deadline sweep records: warnings, breaches and lapses of clocks and duties.
 * A closed set of immutable records. Every record starts with the three components every event has ({@code id},
 * {@code actor}, {@code recordedAt}: see {@link CaseEvent}); its constructor throws {@link NullPointerException}
 * naming a required component that is null.
 *
 * @since 0.4
 */
public sealed interface SweepEvent extends CaseEvent {
    /**
     * The sweep recorded that a duty clock is due soon (预警).
     *
     * @param id the event's id
     * @param actor the sweep
     * @param recordedAt when it was recorded
     * @param clock the clock
     * @param round its run
     * @param dueAt its due instant
     * @since 0.1
     */
    record WarningRecorded(EventId id, Actor actor, Instant recordedAt, ClockId clock, int round, Instant dueAt) implements SweepEvent {
        public WarningRecorded {
            Components.nonNull(WarningRecorded.class, id, actor, recordedAt, clock);
            Objects.requireNonNull(dueAt, "dueAt");
            if (round < 1) throw new IllegalArgumentException("round must be at least 1");
        }
    }

    /**
     * The sweep recorded that a duty clock is overdue (超期).
     *
     * @param id the event's id
     * @param actor the sweep
     * @param recordedAt when it was recorded
     * @param clock the clock
     * @param round its run
     * @param dueAt its due instant
     * @since 0.1
     */
    record BreachRecorded(EventId id, Actor actor, Instant recordedAt, ClockId clock, int round, Instant dueAt) implements SweepEvent {
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
    record LapseRecorded(EventId id, Actor actor, Instant recordedAt, ClockId clock, int round, Instant dueAt) implements SweepEvent {
        public LapseRecorded {
            Components.nonNull(LapseRecorded.class, id, actor, recordedAt, clock);
            Objects.requireNonNull(dueAt, "dueAt");
            if (round < 1) throw new IllegalArgumentException("round must be at least 1");
        }
    }

    /**
     * The deadline sweep recorded that a duty is due soon (预警).
     *
     * @param duty the duty
     * @param dueAt its due instant
     * @since 0.2
     */
    record DutyWarningRecorded(EventId id, Actor actor, Instant recordedAt, io.github.xinfang.time.DutyId duty, Instant dueAt) implements SweepEvent {
        public DutyWarningRecorded {
            Components.nonNull(DutyWarningRecorded.class, id, actor, recordedAt, duty, dueAt);
        }
    }

    /**
     * The deadline sweep recorded that a duty is overdue (超期).
     *
     * @param duty the duty
     * @param dueAt its due instant
     * @since 0.2
     */
    record DutyBreachRecorded(EventId id, Actor actor, Instant recordedAt, io.github.xinfang.time.DutyId duty, Instant dueAt) implements SweepEvent {
        public DutyBreachRecorded {
            Components.nonNull(DutyBreachRecorded.class, id, actor, recordedAt, duty, dueAt);
        }
    }
}
