package io.github.xinfang.persistence.jdbc;

/** The attention-query properties on H2 in file mode. */
class H2FileJdbcCaseQueryProperties extends JdbcCaseQueryContract {
    H2FileJdbcCaseQueryProperties() {
        super(TestDatabase.Kind.H2_FILE);
    }
}
