package io.github.xinfang.persistence.jdbc;

/** The direct tests on H2 in memory. */
class H2MemoryJdbcCaseStoreTests extends JdbcCaseStoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2_MEMORY;
    }
}
