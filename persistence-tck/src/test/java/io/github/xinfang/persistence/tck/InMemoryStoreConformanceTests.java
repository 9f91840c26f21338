package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.memory.InMemoryCaseStore;

/**
 * The reference store passes the whole kit, index maintenance, the resolution and the overdue queries included. It
 * has no connection to fail, so it offers no failure hook and the S8 test is skipped.
 */
class InMemoryStoreConformanceTests implements CaseStoreTck<InMemoryCaseStore>, ChangeFeedTck<InMemoryCaseStore>,
        CaseQueryTck<InMemoryCaseStore>, WorkClaimsTck<InMemoryCaseStore>, IndexMaintenanceTck<InMemoryCaseStore>,
        ResolutionQueryTck<InMemoryCaseStore>, OverdueQueryTck<InMemoryCaseStore> {

    @Override
    public InMemoryCaseStore newStore() {
        return InMemoryCaseStore.create();
    }
}
