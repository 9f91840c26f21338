package io.github.xinfang.persistence.jdbc;

/** Schema version 3 over older databases, on H2 in memory. */
class H2MemoryJdbcMigrationTests extends JdbcMigrationContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2_MEMORY;
    }
}
