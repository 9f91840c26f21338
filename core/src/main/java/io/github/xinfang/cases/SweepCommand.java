package io.github.xinfang.cases;

import io.github.xinfang.time.Obligation;
import java.time.Instant;

/**
 * Commands the deadline sweep issues: warnings, breaches and lapses of a case's clocks, each a profile clock's run or a
 * duty from the case's facts (one {@link io.github.xinfang.time.Obligation.Source}). Only a system actor issues them.
 * The digest of a command about a profile clock is what it was before duties were clocks too: the {@code clock}
 * property is still the clock's name.
 * A closed set of immutable records; see {@link CaseCommand} for what every one carries.
 *
 * @since 0.4
 */
public sealed interface SweepCommand extends CaseCommand {
    /**
     * 预警: records that a clock (a profile clock or a duty) is due soon. Issued by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from clock, round, kind and due instant)
     * @param actor the sweep (a system actor)
     * @param clock the clock: a profile clock or a duty
     * @param round the clock's run (1 for a duty)
     * @param dueAt its due instant
     * @since 0.1
     */
    record RecordWarning(CaseId caseId, IdempotencyKey key, Actor actor, Obligation.Source clock, int round, Instant dueAt)
            implements SweepCommand {}

    /**
     * 超期: records that a clock (a profile clock or a duty) is overdue. Issued by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from clock, round, kind and due instant)
     * @param actor the sweep (a system actor)
     * @param clock the clock: a profile clock or a duty
     * @param round the clock's run (1 for a duty)
     * @param dueAt its due instant
     * @since 0.1
     */
    record RecordBreach(CaseId caseId, IdempotencyKey key, Actor actor, Obligation.Source clock, int round, Instant dueAt)
            implements SweepCommand {}

    /**
     * Records that a window lapsed unused (never a breach). Issued by the deadline sweep only.
     *
     * @param caseId the case
     * @param key the idempotency key (derived from clock, round, kind and due instant)
     * @param actor the sweep (a system actor)
     * @param clock the window
     * @param round the window's run
     * @param dueAt its end
     * @since 0.1
     */
    record RecordLapse(CaseId caseId, IdempotencyKey key, Actor actor, Obligation.Source clock, int round, Instant dueAt)
            implements SweepCommand {}
}
