package io.github.xinfang.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A suite that gets a fresh database of its kind for each test, {@link #db}, opened before the subclass's own
 * {@code @BeforeEach} methods run and closed after its {@code @AfterEach} methods. Not thread-safe.
 */
abstract class FreshDatabaseContract extends DatabaseContract {

    /** The running test's database. */
    TestDatabase db;

    FreshDatabaseContract(TestDatabase.Kind kind) {
        super(kind);
    }

    @BeforeEach
    final void openDatabase() {
        db = TestDatabase.open(kind());
    }

    @AfterEach
    final void closeDatabase() {
        db.close();
    }

    /** Runs one statement on a connection of its own, outside any transaction of the test. */
    void sql(String statement) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** @return the number the query returns in its first row's first column, read on a connection of its own */
    long count(String query) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
