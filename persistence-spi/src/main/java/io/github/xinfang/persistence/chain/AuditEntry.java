package io.github.xinfang.persistence.chain;

import java.time.Instant;
import java.util.Objects;

/**
 * One access to a case worth recording (GB/T 22239-2019 security audit): who read, exported or tried to act on which
 * case, how it ended, and when. The input of {@link AccessAudit#record}. Immutable. Holds ids only, never personal data.
 *
 * @param actor who (core writes {@code official:<official id>@<unit id>} or {@code system:<job>})
 * @param caseId the case
 * @param action what was attempted
 * @param outcome how it ended
 * @param at when (from the service's clock)
 * @since 0.7
 */
public record AuditEntry(String actor, String caseId, Action action, Outcome outcome, Instant at) {

    /** What was attempted. */
    public enum Action {
        /** The case was read (its history, state or clocks). */
        READ,
        /** The case was exported (a report, a file, a copy for the petitioner). */
        EXPORT,
        /** A command was issued on the case. */
        COMMAND
    }

    /** How it ended. */
    public enum Outcome {
        /** The case was shown or exported. */
        SHOWN,
        /** The case exists but the actor may not see it: it was answered as if it did not exist. */
        HIDDEN,
        /** No such case. */
        NOT_FOUND,
        /** The access policy refused the command. */
        REFUSED
    }

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if actor (at most 256 characters) or caseId (at most 512) is blank, too long or
     *                                  holds a line break
     */
    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        oneLine(actor, "actor", 256);
        oneLine(caseId, "caseId", 512);
    }

    private static void oneLine(String text, String name, int max) {
        if (text.isBlank() || text.length() > max || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " must be one non-blank line of at most " + max + " characters");
        }
    }
}
