package io.github.xinfang.persistence.jdbc;

/** The overdue queries' statements on H2 in memory. */
class H2MemoryJdbcOverdueQueryTests extends JdbcOverdueQueryContract {
    H2MemoryJdbcOverdueQueryTests() {
        super(TestDatabase.Kind.H2_MEMORY);
    }
}
