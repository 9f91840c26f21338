package io.github.xinfang.persistence.jdbc;

/** The resolution queries on the embedded MariaDB server. */
class MariaDbJdbcResolutionQueryTests extends JdbcResolutionQueryContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
