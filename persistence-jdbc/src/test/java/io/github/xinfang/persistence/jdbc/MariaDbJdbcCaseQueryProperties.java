package io.github.xinfang.persistence.jdbc;

/** The attention query against the in-memory model on the embedded MariaDB server. */
class MariaDbJdbcCaseQueryProperties extends JdbcCaseQueryContract {
    MariaDbJdbcCaseQueryProperties() {
        super(TestDatabase.Kind.MARIADB);
    }
}
