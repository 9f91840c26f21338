package io.github.xinfang.cases;

import io.github.xinfang.time.ClockId;
import java.time.Instant;

/**
 * Commands the deadline sweep issues: warnings, breaches and lapses of clocks and duties. Only a system actor issues them.
 * A closed set of immutable records; see {@link CaseCommand} for what every one carries.
 *
 * @since 0.4
 */
public sealed interface SweepCommand extends CaseCommand {
    /**
     * 预警: records that a duty clock is due soon. Issued by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from case, clock, round and due instant)
     * @param actor the sweep (a system actor)
     * @param clock the clock
     * @param round the clock's run
     * @param dueAt its due instant
     * @since 0.1
     */
    record RecordWarning(CaseId caseId, IdempotencyKey key, Actor actor, ClockId clock, int round, Instant dueAt)
            implements SweepCommand {}

    /**
     * 超期: records that a duty clock is overdue. Issued by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from case, clock, round and due instant)
     * @param actor the sweep (a system actor)
     * @param clock the clock
     * @param round the clock's run
     * @param dueAt its due instant
     * @since 0.1
     */
    record RecordBreach(CaseId caseId, IdempotencyKey key, Actor actor, ClockId clock, int round, Instant dueAt)
            implements SweepCommand {}

    /**
     * Records that a window lapsed unused (never a breach). Issued by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from case, clock, round and due instant)
     * @param actor the sweep (a system actor)
     * @param clock the window
     * @param round the window's run
     * @param dueAt its end
     * @since 0.1
     */
    record RecordLapse(CaseId caseId, IdempotencyKey key, Actor actor, ClockId clock, int round, Instant dueAt)
            implements SweepCommand {}

    /**
     * 预警: records that a duty (replacement, plan step, batch target, supervision feedback) is due soon. Issued
     * by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from case, duty and due instant)
     * @param actor the sweep
     * @param duty the duty
     * @param dueAt the due instant the sweep saw
     * @since 0.2
     */
    record RecordDutyWarning(CaseId caseId, IdempotencyKey key, Actor actor, io.github.xinfang.time.DutyId duty, Instant dueAt)
            implements SweepCommand {}

    /**
     * 超期: records that a duty is overdue. Issued by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from case, duty and due instant)
     * @param actor the sweep
     * @param duty the duty
     * @param dueAt the due instant the sweep saw
     * @since 0.2
     */
    record RecordDutyBreach(CaseId caseId, IdempotencyKey key, Actor actor, io.github.xinfang.time.DutyId duty, Instant dueAt)
            implements SweepCommand {}
}
