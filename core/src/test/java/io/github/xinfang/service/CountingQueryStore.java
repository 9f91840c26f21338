package io.github.xinfang.service;

import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory store that counts the case loads, index-row reads and query calls made through it: the listings must
 * answer a page with one query call and no load (no N+1).
 */
final class CountingQueryStore extends LoadCountingStore implements CaseQuery, ResolutionQuery, OverdueQuery, IndexMaintenance {
    final InMemoryCaseStore delegate;
    final AtomicInteger rowReads = new AtomicInteger();
    final AtomicInteger queries = new AtomicInteger();

    private CountingQueryStore(InMemoryCaseStore delegate) {
        super(delegate);
        this.delegate = delegate;
    }

    static CountingQueryStore create() {
        return new CountingQueryStore(InMemoryCaseStore.create());
    }

    @Override
    void reset() {
        super.reset();
        rowReads.set(0);
        queries.set(0);
    }

    @Override
    public Optional<IndexRow> indexRow(String caseId) {
        rowReads.incrementAndGet();
        return super.indexRow(caseId);
    }

    @Override
    public List<IndexRow> needingAttention(AttentionQuery query) {
        queries.incrementAndGet();
        return delegate.needingAttention(query);
    }

    @Override
    public List<IndexRow> byActiveLeader(String leader, String afterCaseId, int limit) {
        queries.incrementAndGet();
        return delegate.byActiveLeader(leader, afterCaseId, limit);
    }

    @Override
    public List<IndexRow> byLeadUnit(String unit, String afterCaseId, int limit) {
        queries.incrementAndGet();
        return delegate.byLeadUnit(unit, afterCaseId, limit);
    }

    @Override
    public List<IndexRow> byBatch(String batch, String afterCaseId, int limit) {
        queries.incrementAndGet();
        return delegate.byBatch(batch, afterCaseId, limit);
    }

    @Override
    public LeaderWorkload workload(String leader, Instant asOf) {
        queries.incrementAndGet();
        return delegate.workload(leader, asOf);
    }

    @Override
    public List<IndexRow> overdue(OverdueScope scope, Instant asOf, String afterCaseId, int limit) {
        queries.incrementAndGet();
        return delegate.overdue(scope, asOf, afterCaseId, limit);
    }

    @Override
    public long countOverdue(OverdueScope scope, Instant asOf) {
        queries.incrementAndGet();
        return delegate.countOverdue(scope, asOf);
    }

    @Override
    public List<String> caseIdsAfter(String after, int limit) {
        return delegate.caseIdsAfter(after, limit);
    }

    @Override
    public boolean replaceIndexRow(IndexRow row) {
        return delegate.replaceIndexRow(row);
    }
}
