package io.github.xinfang.persistence.jdbc;

/** Several nodes on one database of the embedded PostgreSQL server. */
class PostgresMultiNodeTests extends MultiNodeContract {
    PostgresMultiNodeTests() {
        super(TestDatabase.Kind.POSTGRESQL);
    }
}
