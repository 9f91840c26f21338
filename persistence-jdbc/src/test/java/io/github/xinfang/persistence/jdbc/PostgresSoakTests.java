package io.github.xinfang.persistence.jdbc;

/** The soak test on PostgreSQL, connections cut through a proxy. */
class PostgresSoakTests extends SoakContract {
    PostgresSoakTests() {
        super(TestDatabase.Kind.POSTGRESQL);
    }
}
