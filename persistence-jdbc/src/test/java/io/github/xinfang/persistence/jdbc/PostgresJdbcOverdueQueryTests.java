package io.github.xinfang.persistence.jdbc;

/** The overdue queries' statements on the embedded PostgreSQL server. */
class PostgresJdbcOverdueQueryTests extends JdbcOverdueQueryContract {
    PostgresJdbcOverdueQueryTests() {
        super(TestDatabase.Kind.POSTGRESQL);
    }
}
