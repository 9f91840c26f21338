package io.github.xinfang.cases;

import java.util.Objects;

/**
 * An event's identity: its case and its sequence number within the case (from 1, no gaps). Immutable.
 *
 * @param caseId the case
 * @param sequence the sequence number, at least 1
 * @since 0.1
 */
public record EventId(CaseId caseId, long sequence) {
    /**
     * @throws NullPointerException if caseId is null
     * @throws IllegalArgumentException if sequence is below 1
     */
    public EventId {
        Objects.requireNonNull(caseId, "caseId");
        if (sequence < 1) throw new IllegalArgumentException("sequence must be at least 1");
    }

    @Override
    public String toString() {
        return caseId + "#" + sequence;
    }
}
