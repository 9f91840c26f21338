package io.github.xinfang.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** The participating mode on the embedded MariaDB server (a MySQL "schema" is a database: the connection's catalog). */
class MariaDbParticipatingTests extends ParticipatingContract {
    MariaDbParticipatingTests() {
        super(TestDatabase.Kind.MARIADB);
    }

    @Override
    String currentSchema() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return c.getCatalog();
        }
    }
}
