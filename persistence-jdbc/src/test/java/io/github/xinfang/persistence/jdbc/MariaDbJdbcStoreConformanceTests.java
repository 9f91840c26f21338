package io.github.xinfang.persistence.jdbc;

/** The whole conformance kit on the embedded MariaDB 11.4 server (a database per store), through MariaDB Connector/J. */
class MariaDbJdbcStoreConformanceTests extends JdbcStoreConformance {
    MariaDbJdbcStoreConformanceTests() {
        super(TestDatabase.Kind.MARIADB);
    }
}
