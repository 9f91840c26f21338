package io.github.xinfang.service;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;

import java.util.List;

/**
 * Told after each successful commit, in the committing thread, in registration order; never for a
 * rejection or a replayed command. A convenience for in-process reactions: an exception it throws is
 * logged (with ids only) and does not undo the commit or stop the other listeners.
 *
 * <p>When the store takes part in the caller's transaction (the JDBC adapter's participating mode), listeners are
 * told when that transaction commits (through {@link io.github.xinfang.persistence.CaseStore#afterCommit}), and never
 * if it rolls back.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CaseListener {

    /**
     * @param caseId the case
     * @param version the version the commit produced
     * @param events the events it appended
     */
    void committed(CaseId caseId, long version, List<CaseEvent> events);
}
