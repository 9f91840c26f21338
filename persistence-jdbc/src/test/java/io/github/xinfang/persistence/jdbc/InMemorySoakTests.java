package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseService;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

/** The soak test on the in-memory store (no connection to cut). */
class InMemorySoakTests {
    @Test
    void theInMemoryStoreUnderLoad() throws Exception {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        CaseService service = CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).build();
        System.out.println("soak in memory: " + new Soak(service, store, Supplier::get).run(null).check());
    }
}
