package io.github.xinfang.persistence.jdbc;

/** The soak test on MariaDB, connections cut through a proxy. */
class MariaDbSoakTests extends SoakContract {
    MariaDbSoakTests() {
        super(TestDatabase.Kind.MARIADB);
    }
}
