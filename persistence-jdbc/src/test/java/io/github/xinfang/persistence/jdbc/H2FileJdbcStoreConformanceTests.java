package io.github.xinfang.persistence.jdbc;

/** The whole conformance kit on H2 in file mode with WRITE_DELAY=0. */
class H2FileJdbcStoreConformanceTests extends JdbcStoreConformance {
    H2FileJdbcStoreConformanceTests() {
        super(TestDatabase.Kind.H2_FILE);
    }
}
