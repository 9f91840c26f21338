package io.github.xinfang.persistence.jdbc;

/** The attention-query properties on the embedded PostgreSQL server. */
class PostgresJdbcCaseQueryProperties extends JdbcCaseQueryContract {
    PostgresJdbcCaseQueryProperties() {
        super(TestDatabase.Kind.POSTGRESQL);
    }
}
