package io.github.xinfang.persistence.jdbc;

/** Tampering with the event chain by SQL, on H2 in memory. */
class H2MemoryEventChainTamperTests extends EventChainTamperContract {
    H2MemoryEventChainTamperTests() {
        super(TestDatabase.Kind.H2_MEMORY);
    }
}
