package io.github.xinfang.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * A lease on one case's due work, held by one sweeping node until an instant. Immutable.
 *
 * @param caseId the case
 * @param owner the node holding the lease
 * @param leasedUntil when the lease expires
 * @since 0.1
 */
public record Claim(String caseId, String owner, Instant leasedUntil) {
    /** @throws NullPointerException naming a null argument */
    public Claim {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(leasedUntil, "leasedUntil");
    }
}
