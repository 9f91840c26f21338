package io.github.xinfang.persistence.jdbc;

/** The whole conformance kit on the embedded MariaDB 11.4 server through MySQL Connector/J (which reports "MySQL"). */
class MariaDbMySqlDriverJdbcStoreConformanceTests extends JdbcStoreConformance {
    MariaDbMySqlDriverJdbcStoreConformanceTests() {
        super(TestDatabase.Kind.MARIADB_MYSQL_DRIVER);
    }
}
