package io.github.xinfang.persistence.jdbc;

/** Schema versions over older databases, on the embedded MariaDB server (where version 3 changes no column). */
class MariaDbJdbcMigrationTests extends JdbcMigrationContract {
    MariaDbJdbcMigrationTests() {
        super(TestDatabase.Kind.MARIADB);
    }
}
