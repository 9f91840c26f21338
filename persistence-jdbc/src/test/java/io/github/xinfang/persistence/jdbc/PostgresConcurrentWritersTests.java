package io.github.xinfang.persistence.jdbc;

/** The concurrent writers on the embedded PostgreSQL server: 2 runs of 4 × 150 commands. */
class PostgresConcurrentWritersTests extends ConcurrentWritersContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
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
