package io.github.xinfang.persistence.jdbc;

/** The overdue queries on the embedded MariaDB server. */
class MariaDbJdbcOverdueQueryTests extends JdbcOverdueQueryContract {
    MariaDbJdbcOverdueQueryTests() {
        super(TestDatabase.Kind.MARIADB);
    }
}
