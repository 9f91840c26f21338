package io.github.xinfang.persistence.jdbc;

/** The direct tests on H2 in memory. */
class H2MemoryJdbcCaseStoreTests extends JdbcCaseStoreContract {
    H2MemoryJdbcCaseStoreTests() {
        super(TestDatabase.Kind.H2_MEMORY);
    }
}
