package io.github.xinfang.persistence.jdbc;

/** The attention-query properties on H2 in memory. */
class H2MemoryJdbcCaseQueryProperties extends JdbcCaseQueryContract {
    H2MemoryJdbcCaseQueryProperties() {
        super(TestDatabase.Kind.H2_MEMORY);
    }
}
