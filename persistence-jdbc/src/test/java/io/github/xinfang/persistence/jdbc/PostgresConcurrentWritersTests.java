package io.github.xinfang.persistence.jdbc;

/** The concurrent writers on the embedded PostgreSQL server: 2 runs of 4 × 150 commands. */
class PostgresConcurrentWritersTests extends ConcurrentWritersContract {
    PostgresConcurrentWritersTests() {
        super(TestDatabase.Kind.POSTGRESQL, 2, 150);
    }
}
