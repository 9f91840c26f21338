package io.github.xinfang.persistence.jdbc;

/** The attention-query properties on the embedded PostgreSQL server. */
class PostgresJdbcCaseQueryProperties extends JdbcCaseQueryContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
