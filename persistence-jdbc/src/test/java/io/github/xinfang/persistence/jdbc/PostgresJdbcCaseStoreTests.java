package io.github.xinfang.persistence.jdbc;

/** The direct tests on the embedded PostgreSQL server. */
class PostgresJdbcCaseStoreTests extends JdbcCaseStoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
