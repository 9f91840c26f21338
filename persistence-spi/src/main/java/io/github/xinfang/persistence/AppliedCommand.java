package io.github.xinfang.persistence;

import java.util.List;
import java.util.Objects;

/**
 * What the store remembers of one committed command, found by (case, idempotency key): its digest, the
 * versions before and after, and the events the commit appended. Immutable.
 *
 * @param caseId the case
 * @param idempotencyKey the command's key
 * @param commandDigest the command's digest as committed
 * @param versionBefore the version the commit expected
 * @param versionAfter the version the commit produced ({@code versionBefore + 1})
 * @param events the events of that commit, in sequence order
 * @since 0.1
 */
public record AppliedCommand(String caseId, String idempotencyKey, String commandDigest, long versionBefore,
                             long versionAfter, List<StoredEvent> events) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming an inconsistent argument
     */
    public AppliedCommand {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(commandDigest, "commandDigest");
        Objects.requireNonNull(events, "events");
        if (versionBefore < 0) throw new IllegalArgumentException("versionBefore must not be negative");
        if (versionBefore == Long.MAX_VALUE || versionAfter != versionBefore + 1) throw new IllegalArgumentException("versionAfter must be versionBefore + 1");
        events = List.copyOf(events);
    }
}
