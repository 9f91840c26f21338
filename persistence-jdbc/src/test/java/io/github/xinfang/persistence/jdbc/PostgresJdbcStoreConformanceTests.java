package io.github.xinfang.persistence.jdbc;

/** The whole conformance kit on the embedded PostgreSQL 14 server (a schema per database). */
class PostgresJdbcStoreConformanceTests extends JdbcStoreConformance {
    PostgresJdbcStoreConformanceTests() {
        super(TestDatabase.Kind.POSTGRESQL);
    }
}
