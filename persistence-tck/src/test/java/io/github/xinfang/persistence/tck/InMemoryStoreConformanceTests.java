package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.memory.InMemoryCaseStore;

/** The reference store passes the whole kit, index maintenance, the resolution and the overdue queries included. */
class InMemoryStoreConformanceTests extends FullStoreWithOverdueTck<InMemoryCaseStore> {

    @Override
    protected InMemoryCaseStore newStore() {
        return InMemoryCaseStore.create();
    }
}
