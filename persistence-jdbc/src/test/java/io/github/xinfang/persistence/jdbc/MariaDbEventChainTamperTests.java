package io.github.xinfang.persistence.jdbc;

/** Tampering with the event chain by SQL, on the embedded MariaDB server (the MySQL family). */
class MariaDbEventChainTamperTests extends EventChainTamperContract {
    MariaDbEventChainTamperTests() {
        super(TestDatabase.Kind.MARIADB);
    }
}
