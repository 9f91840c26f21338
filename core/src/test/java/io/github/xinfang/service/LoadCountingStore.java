package io.github.xinfang.service;

import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.testsupport.ForwardingStore;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that counts the cases loaded through it, for the tests that a listing or a sweep loads none. */
class LoadCountingStore extends ForwardingStore<CaseStore> {
    final AtomicInteger loads = new AtomicInteger();

    /** @param delegate the store every call goes to */
    LoadCountingStore(CaseStore delegate) {
        super(delegate);
    }

    /** Forgets the counts so far (after the setup's commands, which load cases). */
    void reset() {
        loads.set(0);
    }

    @Override
    public Optional<StoredCase> load(String caseId) {
        loads.incrementAndGet();
        return super.load(caseId);
    }
}
