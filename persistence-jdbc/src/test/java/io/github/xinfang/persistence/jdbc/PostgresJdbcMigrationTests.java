package io.github.xinfang.persistence.jdbc;

/** Schema version 3 over older databases, on the embedded PostgreSQL server (where version 3 changes no column). */
class PostgresJdbcMigrationTests extends JdbcMigrationContract {
    PostgresJdbcMigrationTests() {
        super(TestDatabase.Kind.POSTGRESQL);
    }
}
