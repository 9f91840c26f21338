package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.memory.InMemoryCaseStore;

/** The reference store passes the whole kit, index maintenance included. */
class InMemoryStoreConformanceTests extends FullStoreWithMaintenanceTck<InMemoryCaseStore> {

    @Override
    protected InMemoryCaseStore newStore() {
        return InMemoryCaseStore.create();
    }
}
