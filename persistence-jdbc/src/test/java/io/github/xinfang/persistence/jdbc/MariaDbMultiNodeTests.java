package io.github.xinfang.persistence.jdbc;

/** Several nodes on one database of the embedded MariaDB server. */
class MariaDbMultiNodeTests extends MultiNodeContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
