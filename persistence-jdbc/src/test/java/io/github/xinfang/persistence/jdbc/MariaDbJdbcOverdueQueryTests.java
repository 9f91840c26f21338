package io.github.xinfang.persistence.jdbc;

/** The overdue queries on the embedded MariaDB server. */
class MariaDbJdbcOverdueQueryTests extends JdbcOverdueQueryContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
