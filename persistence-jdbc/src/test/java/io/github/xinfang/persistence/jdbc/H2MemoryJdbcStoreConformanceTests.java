package io.github.xinfang.persistence.jdbc;

/** The whole conformance kit on H2 in memory. */
class H2MemoryJdbcStoreConformanceTests extends JdbcStoreConformance {
    H2MemoryJdbcStoreConformanceTests() {
        super(TestDatabase.Kind.H2_MEMORY);
    }
}
