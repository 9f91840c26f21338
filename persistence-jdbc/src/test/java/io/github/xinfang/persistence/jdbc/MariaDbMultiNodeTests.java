package io.github.xinfang.persistence.jdbc;

/** Several nodes on one database of the embedded MariaDB server. */
class MariaDbMultiNodeTests extends MultiNodeContract {
    MariaDbMultiNodeTests() {
        super(TestDatabase.Kind.MARIADB);
    }
}
