package io.github.xinfang.persistence.jdbc;

/** The direct tests on H2 in file mode with WRITE_DELAY=0. */
class H2FileJdbcCaseStoreTests extends JdbcCaseStoreContract {
    H2FileJdbcCaseStoreTests() {
        super(TestDatabase.Kind.H2_FILE);
    }
}
