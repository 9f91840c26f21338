package io.github.xinfang.persistence.jdbc;

/** The concurrent writers on H2 in memory: 2 runs of 4 × 150 commands. */
class H2MemoryConcurrentWritersTests extends ConcurrentWritersContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2_MEMORY;
    }

    @Override
    int repetitions() {
        return 2;
    }

    @Override
    int commandsPerThread() {
        return 150;
    }
}
