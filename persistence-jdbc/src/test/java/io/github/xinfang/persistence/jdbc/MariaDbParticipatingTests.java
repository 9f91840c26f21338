package io.github.xinfang.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The participating mode on the embedded MariaDB server (a MySQL "schema" is a database: the connection's catalog). */
class MariaDbParticipatingTests extends ParticipatingContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }

    @Override
    void shortLockTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // Whole seconds, at least 1; for the session (MySQL has no per-transaction setting), which is the test's.
            s.execute("SET SESSION innodb_lock_wait_timeout = 1");
        }
    }

    @Override
    String setSchema(String schema) {
        return "USE " + schema;
    }

    @Override
    String currentSchema() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return c.getCatalog();
        }
    }
}
