package io.github.xinfang.testsupport;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CaseStore} that forwards its methods to another and offers no optional port: tests extend it to
 * count, fail or conflict in one method, or use it as it is for a store without a change feed or queries.
 *
 * @param <S> the type of the store calls go to (what a subclass may use of it beyond the four methods)
 */
public class ForwardingStore<S extends CaseStore> implements CaseStore {
    /** The store every call goes to. */
    protected final S delegate;

    /** @param delegate the store every call goes to */
    public ForwardingStore(S delegate) {
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
