package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.memory.InMemoryCaseStore;

/** The reference store passes the whole kit, index maintenance and the resolution queries included. */
class InMemoryStoreConformanceTests extends FullStoreWithMaintenanceAndResolutionTck<InMemoryCaseStore> {

    @Override
    protected InMemoryCaseStore newStore() {
        return InMemoryCaseStore.create();
    }
}
