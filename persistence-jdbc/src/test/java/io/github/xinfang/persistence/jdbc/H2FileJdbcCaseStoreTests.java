package io.github.xinfang.persistence.jdbc;

/** The direct tests on H2 in file mode with WRITE_DELAY=0. */
class H2FileJdbcCaseStoreTests extends JdbcCaseStoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2_FILE;
    }
}
