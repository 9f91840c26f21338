package io.github.xinfang.testing;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CaseStore} that forwards its four methods to another and offers no optional port: tests extend it to
 * count, fail or conflict in one method, or use it as it is for a store without a change feed or queries.
 */
public class ForwardingStore implements CaseStore {
    private final CaseStore delegate;

    /** @param delegate the store every call goes to */
    public ForwardingStore(CaseStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void commit(CaseCommit commit) {
        delegate.commit(commit);
    }

    @Override
    public Optional<StoredCase> load(String caseId) {
        return delegate.load(caseId);
    }

    @Override
    public Optional<AppliedCommand> findApplied(String caseId, String idempotencyKey) {
        return delegate.findApplied(caseId, idempotencyKey);
    }

    @Override
    public Optional<IndexRow> indexRow(String caseId) {
        return delegate.indexRow(caseId);
    }

    @Override
    public void afterCommit(Runnable action) {
        delegate.afterCommit(action);
    }
}
