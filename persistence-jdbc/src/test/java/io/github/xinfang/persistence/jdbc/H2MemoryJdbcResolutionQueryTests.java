package io.github.xinfang.persistence.jdbc;

/** The resolution queries' direct tests (migration from schema version 1, index use) on H2 in memory. */
class H2MemoryJdbcResolutionQueryTests extends JdbcResolutionQueryContract {
    H2MemoryJdbcResolutionQueryTests() {
        super(TestDatabase.Kind.H2_MEMORY);
    }
}
