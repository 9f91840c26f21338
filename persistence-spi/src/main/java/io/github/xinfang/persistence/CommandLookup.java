package io.github.xinfang.persistence;

import java.util.Objects;
import java.util.Optional;

/**
 * What the service reads before it decides a command, in one call (rule S11 of {@link CaseStore}): the commit that
 * recorded the command's idempotency key, if there is one; otherwise the case as {@link CaseStore#loadFromSnapshot}
 * returns it. Immutable.
 *
 * @param applied the commit that recorded the key, or empty
 * @param current the case (its latest snapshot and at least the events after it), or empty if it does not exist; a
 *                store may leave it empty when the key was found (a resend needs no state), and the service then
 *                ignores it
 * @since 0.9
 */
public record CommandLookup(Optional<AppliedCommand> applied, Optional<StoredCase> current) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException naming a null argument
     */
    public CommandLookup {
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(current, "current");
    }
}
