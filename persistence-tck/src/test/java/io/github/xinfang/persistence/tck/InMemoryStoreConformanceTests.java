package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import org.junit.jupiter.api.Test;

/**
 * The reference store passes the whole kit, index maintenance, the resolution and the overdue queries included. It
 * has no connection to fail, so rule S8 runs over a view of its data whose operations fail as a dropped connection's
 * do ({@link FailingStores#failingAfter}): every aborted commit must leave the store as it was, and the next commit
 * must go through.
 */
class InMemoryStoreConformanceTests implements CaseStoreTck<InMemoryCaseStore>, ChangeFeedTck<InMemoryCaseStore>,
        CaseQueryTck<InMemoryCaseStore>, WorkClaimsTck<InMemoryCaseStore>, IndexMaintenanceTck<InMemoryCaseStore>,
        ResolutionQueryTck<InMemoryCaseStore>, OverdueQueryTck<InMemoryCaseStore>,
        ReportQueryTck<InMemoryCaseStore>, ClusterQueryTck<InMemoryCaseStore>, ClusterWarningsTck<InMemoryCaseStore>,
        EventChainTck<InMemoryCaseStore>, SnapshotCadenceTck<InMemoryCaseStore>, AccessAuditTck<InMemoryCaseStore>, AccessScopeTck<InMemoryCaseStore> {

    @Override
    public InMemoryCaseStore newStore() {
        return InMemoryCaseStore.create();
    }

    @Test
    @Override
    public void required_S8_failuresAreStoreExceptionsAndLeaveNothingHalfWritten() {
        InMemoryCaseStore store = newStore();
        BrokenStores.Forwarding view = new BrokenStores.Forwarding(store);
        CaseStoreSuite.checkFailures(store, n -> FailingStores.failingAfter(view, n));
    }
}
