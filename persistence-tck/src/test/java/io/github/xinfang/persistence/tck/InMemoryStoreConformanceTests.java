package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.memory.InMemoryCaseStore;

/** The reference store passes the whole kit. */
class InMemoryStoreConformanceTests extends FullStoreTck<InMemoryCaseStore> {

    @Override
    protected InMemoryCaseStore newStore() {
        return InMemoryCaseStore.create();
    }
}
