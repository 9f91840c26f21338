package io.github.xinfang.cases;

/**
 * What a portal asks the case service to do (one row of the lifecycle table each). A closed set, split by track:
 * {@link ProcedureCommand} (the statutory procedure), {@link ResolutionCommand} (the resolution of backlog),
 * {@link ActivityCommand} (merges, repeat petitions, follow-ups, supervision) and {@link SweepCommand} (what the
 * deadline sweep records). {@code CaseService.handle} takes any of them.
 *
 * <p>Every command names its case by a caller-supplied id, carries an idempotency key and an actor. Command
 * records only copy their arguments: the case service checks every field and answers a bad one with a
 * {@code VALIDATION} rejection naming it, never an exception. Raw form input (dates, free text) travels as
 * plain values; {@code toString} of a command never shows free text (reasons, opinions, replies) or
 * petition data.
 *
 * @since 0.1
 */
public sealed interface CaseCommand permits ProcedureCommand, ResolutionCommand, ActivityCommand, SweepCommand {
    /** @return the case the command is for */
    CaseId caseId();

    /** @return the command's idempotency key, unique per case */
    IdempotencyKey key();

    /** @return who issues the command */
    Actor actor();
}
