package io.github.xinfang.service;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Rejection;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CaseService#handle} answers: the command was applied (now or earlier, under the same
 * idempotency key), or rejected with a typed reason. Immutable.
 *
 * @since 0.1
 */
public sealed interface CommandResult {

    /** @return whether the command is applied (now, or earlier under the same key) */
    boolean isApplied();

    /**
     * The command is applied: the case is at {@code version} and these events were appended by it.
     *
     * @param caseId the case
     * @param version the case's version right after this command's commit
     * @param events the events the command appended
     * @param replayed true if the command had been applied before under the same key and nothing was appended now
     * @since 0.1
     */
    record Applied(CaseId caseId, long version, List<CaseEvent> events, boolean replayed) implements CommandResult {
        /** @throws NullPointerException naming a null argument */
        public Applied {
            Objects.requireNonNull(caseId, "caseId");
            events = List.copyOf(Objects.requireNonNull(events, "events"));
        }

        @Override
        public boolean isApplied() {
            return true;
        }
    }

    /**
     * The command is refused and nothing was recorded.
     *
     * @param rejection why
     * @since 0.1
     */
    record Rejected(Rejection rejection) implements CommandResult {
        /** @throws NullPointerException if rejection is null */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }

        @Override
        public boolean isApplied() {
            return false;
        }
    }
}
