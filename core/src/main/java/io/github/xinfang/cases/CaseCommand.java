package io.github.xinfang.cases;

import io.github.xinfang.cases.PetitionForm.FormText;
import java.util.Map;

/**
 * What a portal asks the case service to do (one row of the lifecycle table each). A closed set, split by track:
 * {@link ProcedureCommand} (the statutory procedure), {@link ResolutionCommand} (the resolution of backlog),
 * {@link ActivityCommand} (merges, repeat petitions, follow-ups, supervision) and {@link SweepCommand} (what the
 * deadline sweep records). {@code CaseService.handle} takes any of them.
 *
 * <p>Every command names its case by a caller-supplied id, carries an idempotency key and an actor. Command
 * records only copy their arguments: the case service checks every field and answers a bad one with a
 * {@code VALIDATION} rejection naming it, never an exception. Raw form input (dates, codes) travels as
 * plain values, free text (reasons, opinions, replies) as a {@link FormText}, which masks itself; so
 * {@code toString} of a command never shows free text or petition data. The fields' rules are listed in
 * {@code docs/validation.md}.
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

    /**
     * The stable name of this command's type, e.g. {@code "case.route"}: the first thing its digest hashes, so it is
     * the same in every release and never derived from the class name.
     *
     * @return the command's type name
     */
    default String typeName() {
        return StoredNames.nameOf(StoredNames.COMMANDS, getClass());
    }

    /**
     * Every command type and its stable name.
     *
     * @return an unmodifiable map from command record to type name, in a fixed order
     */
    static Map<Class<? extends CaseCommand>, String> typeNames() {
        return StoredNames.COMMANDS;
    }
}
