package io.github.xinfang.persistence.jdbc;

/** The concurrent writers on the embedded MariaDB server: 2 runs of 4 × 150 commands. */
class MariaDbConcurrentWritersTests extends ConcurrentWritersContract {
    MariaDbConcurrentWritersTests() {
        super(TestDatabase.Kind.MARIADB, 2, 150);
    }
}
