package io.github.xinfang.persistence.jdbc;

/** The attention query against the in-memory model on the embedded MariaDB server. */
class MariaDbJdbcCaseQueryProperties extends JdbcCaseQueryContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
