package io.github.xinfang.persistence.jdbc;

/** The resolution queries on the embedded MariaDB server. */
class MariaDbJdbcResolutionQueryTests extends JdbcResolutionQueryContract {
    MariaDbJdbcResolutionQueryTests() {
        super(TestDatabase.Kind.MARIADB);
    }
}
