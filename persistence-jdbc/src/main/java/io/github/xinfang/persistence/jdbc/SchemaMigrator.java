package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.SnapshotRebuilder;
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

    /** The first version without large objects: applying it checks, and repairs, every snapshot first. */
    static final int PAYLOADS_WITHOUT_LOBS = 3;

    /** How many unreadable cases an error message names before it counts the rest. */
    private static final int NAMED_IN_MESSAGES = 10;

    /**
     * Applies the scripts up to {@code target} only (tests build databases as older versions of the library left
     * them, then migrate them the rest of the way).
     */
    static MigrationReport migrate(DataSource dataSource, Dialect dialect, int target) {
        return migrate(dataSource, dialect, target, null);
    }

    /**
     * Applies the scripts from the database's version up to {@code target}. When that passes version 3 on a
     * database that has rows, every snapshot is read first: the unreadable ones are rebuilt with the rebuilder and
     * written before any script runs, or, without a rebuilder, the migration stops before changing anything.
     *
     * <p>On PostgreSQL everything is one transaction. On H2, whose DDL commits by itself, the repairs are committed
     * first, then each script with its record in {@code xf_schema_version}; a script that fails leaves the
     * database at the previous version (H2 converts a column by copying its table, and keeps the old one if the
     * copy fails), so running the migration again goes on from there.
     */
    @SuppressWarnings("try")   // the schema lock is held for the migration, never referenced
    static MigrationReport migrate(DataSource dataSource, Dialect dialect, int target, SnapshotRebuilder rebuilder) {
        if (target < 1 || target > JdbcCaseStore.SCHEMA_VERSION) {
            throw new IllegalArgumentException("target must be between 1 and " + JdbcCaseStore.SCHEMA_VERSION);
        }
        try (Connection c = dataSource.getConnection(); Dialect.SchemaLock lock = dialect.lockSchema(c)) {
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
                    List<String> repaired = List.of();
                    if (current >= 1 && current < PAYLOADS_WITHOUT_LOBS && target >= PAYLOADS_WITHOUT_LOBS) {
                        repaired = repairSnapshots(c, rebuilder);
                        if (!dialect.transactionalDdl()) c.commit();
                    }
                    for (int v = current + 1; v <= target; v++) {
                        String script = dialect.migrationScript(v);
                        try {
                            try (Statement s = c.createStatement()) {
                                for (String sql : statements(read(script))) s.execute(sql);
                            }
                            try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_schema_version (version, script) VALUES (?, ?)")) {
                                ps.setInt(1, v);
                                ps.setString(2, script);
                                ps.executeUpdate();
                            }
                            // H2: the script's DDL has committed itself; its record goes with it, before the next script.
                            if (!dialect.transactionalDdl()) c.commit();
                        } catch (SQLException e) {
                            throw new StoreException("schema migration failed applying " + script + "; the database stays at"
                                    + " version " + (dialect.transactionalDdl() ? current : v - 1)
                                    + (repaired.isEmpty() || dialect.transactionalDdl() ? ""
                                    : " (the snapshots rebuilt before, of cases " + repaired + ", are written and stay)"), e);
                        }
                    }
                    c.commit();
                    return new MigrationReport(current, Math.max(current, target), repaired);
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

    /**
     * Reads every snapshot; rebuilds and writes the unreadable ones with the rebuilder, or fails naming them,
     * having changed nothing, if there is none.
     */
    private static List<String> repairSnapshots(Connection c, SnapshotRebuilder rebuilder) throws SQLException {
        if (rebuilder != null) return SnapshotRepair.repair(c, rebuilder);
        List<SnapshotRepair.Unreadable> unreadable = SnapshotRepair.find(c);
        if (unreadable.isEmpty()) return List.of();
        List<String> ids = SnapshotRepair.ids(unreadable);
        String named = ids.size() <= NAMED_IN_MESSAGES ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, NAMED_IN_MESSAGES)) + " and " + (ids.size() - NAMED_IN_MESSAGES) + " more";
        String message = "schema version " + PAYLOADS_WITHOUT_LOBS + " was not applied and nothing was changed: the"
                + " stored snapshot of " + (ids.size() == 1 ? "case " : ids.size() + " cases ") + named
                + " cannot be read (read failed or value missing). Rebuild " + (ids.size() == 1 ? "it" : "them")
                + " from the events with JdbcCaseStore.migrate(SnapshotRebuilder),"
                + " e.g. store.migrate(caseService.snapshotRebuilder())";
        SQLException firstFailure = null;
        for (SnapshotRepair.Unreadable u : unreadable) {
            if (u.failure() != null) {
                firstFailure = u.failure();
                break;
            }
        }
        throw firstFailure == null ? new StoreException(message) : new StoreException(message, firstFailure);
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

    /**
     * The highest recorded version, or 0 when the version table does not exist; reads only.
     */
    static int installedVersion(Connection c) throws SQLException {
        java.sql.DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        for (String name : new String[] {"xf_schema_version", "XF_SCHEMA_VERSION"}) {
            try (ResultSet rs = meta.getTables(c.getCatalog(), schema, name, new String[] {"TABLE"})) {
                if (rs.next()) return currentVersion(c);
            }
        }
        return 0;
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
