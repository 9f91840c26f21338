package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Applies the dialect's migration scripts that a database lacks, recording each in {@code xf_schema_version}.
 * Stateless.
 */
final class SchemaMigrator {
    private static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS xf_schema_version ("
            + " version INTEGER NOT NULL, script VARCHAR(200) NOT NULL,"
            + " applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,"
            + " CONSTRAINT xf_schema_version_pk PRIMARY KEY (version))";

    private SchemaMigrator() {}

    static void migrate(DataSource dataSource, Dialect dialect) {
        migrate(dataSource, dialect, JdbcCaseStore.SCHEMA_VERSION);
    }

    /**
     * Applies the scripts up to {@code target} only (tests build databases as older versions of the library left
     * them, then migrate them the rest of the way).
     */
    static void migrate(DataSource dataSource, Dialect dialect, int target) {
        if (target < 1 || target > JdbcCaseStore.SCHEMA_VERSION) {
            throw new IllegalArgumentException("target must be between 1 and " + JdbcCaseStore.SCHEMA_VERSION);
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try {
                createVersionTable(c);
                c.setAutoCommit(false);
                try {
                    if (dialect.transactionalDdl()) {
                        try (Statement s = c.createStatement()) {
                            // Nodes starting together queue here; the second finds the scripts applied.
                            s.execute("LOCK TABLE xf_schema_version IN SHARE ROW EXCLUSIVE MODE");
                        }
                    }
                    int current = currentVersion(c);
                    if (current > JdbcCaseStore.SCHEMA_VERSION) {
                        throw new StoreException("the database holds xinfang schema version " + current
                                + ", newer than this library's " + JdbcCaseStore.SCHEMA_VERSION);
                    }
                    for (int v = current + 1; v <= target; v++) {
                        String script = dialect.migrationScript(v);
                        try (Statement s = c.createStatement()) {
                            for (String sql : statements(read(script))) s.execute(sql);
                        }
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_schema_version (version, script) VALUES (?, ?)")) {
                            ps.setInt(1, v);
                            ps.setString(2, script);
                            ps.executeUpdate();
                        }
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    try {
                        c.rollback();
                    } catch (SQLException r) {
                        e.addSuppressed(r);
                    }
                    throw e;
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("schema migration failed", e);
        }
    }

    private static void createVersionTable(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(VERSION_TABLE);
        } catch (SQLException e) {
            // Two PostgreSQL sessions creating the table at once: one loses on the catalog's unique index.
            if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) throw e;
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM xf_schema_version")) {
            rs.next();
            return rs.getInt(1);   // 0 when empty (SQL NULL)
        }
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new StoreException("migration script " + resource + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("migration script " + resource + " could not be read", e);
        }
    }

    /** Splits a script into statements: comment lines dropped, statements end with a semicolon at a line's end. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) statements.add(current.toString().strip());
        return statements;
    }
}
