package io.github.xinfang.persistence.jdbc;

/** Schema version 3 over older databases, on H2 in memory. */
class H2MemoryJdbcMigrationTests extends JdbcMigrationContract {
    H2MemoryJdbcMigrationTests() {
        super(TestDatabase.Kind.H2_MEMORY);
    }
}
