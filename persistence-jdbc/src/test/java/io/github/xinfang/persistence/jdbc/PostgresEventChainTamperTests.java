package io.github.xinfang.persistence.jdbc;

/** Tampering with the event chain by SQL, on the embedded PostgreSQL server. */
class PostgresEventChainTamperTests extends EventChainTamperContract {
    PostgresEventChainTamperTests() {
        super(TestDatabase.Kind.POSTGRESQL);
    }
}
