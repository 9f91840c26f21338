package io.github.xinfang.service;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Rejection;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link Handover} run did. Immutable.
 *
 * @param operationId the operation
 * @param moved the cases handed to the successor in this run, by case id
 * @param notMoved the cases still led by the outgoing official, with the reason each was refused
 * @since 0.2
 */
public record HandoverReport(String operationId, List<CaseId> moved, List<NotMoved> notMoved) {
    /** @throws NullPointerException naming a null argument */
    public HandoverReport {
        Objects.requireNonNull(operationId, "operationId");
        moved = List.copyOf(Objects.requireNonNull(moved, "moved"));
        notMoved = List.copyOf(Objects.requireNonNull(notMoved, "notMoved"));
    }

    /** @return whether every case of the outgoing official was handed over */
    public boolean complete() {
        return notMoved.isEmpty();
    }

    /**
     * A case the handover could not move. Immutable.
     *
     * @param caseId the case
     * @param rejection why (e.g. {@code RANK_TOO_LOW})
     * @since 0.2
     */
    public record NotMoved(CaseId caseId, Rejection rejection) {
        /** @throws NullPointerException naming a null argument */
        public NotMoved {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
