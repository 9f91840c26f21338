package io.github.xinfang.persistence.jdbc;

/** The direct tests on the embedded MariaDB server. */
class MariaDbJdbcCaseStoreTests extends JdbcCaseStoreContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
