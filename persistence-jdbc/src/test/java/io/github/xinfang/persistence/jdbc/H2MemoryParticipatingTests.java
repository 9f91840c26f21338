package io.github.xinfang.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The participating mode on H2 in memory. */
class H2MemoryParticipatingTests extends ParticipatingContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2_MEMORY;
    }

    @Override
    void shortLockTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCK_TIMEOUT 200");
        }
    }

    @Override
    String setSchema(String schema) {
        return "SET SCHEMA " + schema;
    }
}
