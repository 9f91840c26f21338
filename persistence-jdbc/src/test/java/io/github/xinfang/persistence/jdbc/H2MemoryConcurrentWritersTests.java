package io.github.xinfang.persistence.jdbc;

/** The concurrent writers on H2 in memory: 2 runs of 4 × 150 commands. */
class H2MemoryConcurrentWritersTests extends ConcurrentWritersContract {
    H2MemoryConcurrentWritersTests() {
        super(TestDatabase.Kind.H2_MEMORY, 2, 150);
    }
}
