package io.github.xinfang.persistence.jdbc;

/** The resolution queries' direct tests (migration from schema version 1, index use) on the embedded PostgreSQL 14 server. */
class PostgresJdbcResolutionQueryTests extends JdbcResolutionQueryContract {
    PostgresJdbcResolutionQueryTests() {
        super(TestDatabase.Kind.POSTGRESQL);
    }
}
