package io.github.xinfang.persistence.jdbc;

/** The resolution queries' direct tests (migration from schema version 1, index use) on H2 in file mode. */
class H2FileJdbcResolutionQueryTests extends JdbcResolutionQueryContract {
    H2FileJdbcResolutionQueryTests() {
        super(TestDatabase.Kind.H2_FILE);
    }
}
