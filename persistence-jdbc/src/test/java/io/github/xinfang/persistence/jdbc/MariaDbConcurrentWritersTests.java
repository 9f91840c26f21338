package io.github.xinfang.persistence.jdbc;

/** The concurrent writers on the embedded MariaDB server: 2 runs of 4 × 150 commands. */
class MariaDbConcurrentWritersTests extends ConcurrentWritersContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
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
