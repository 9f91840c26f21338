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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Applies the dialect's migration scripts that a database lacks. Each script records its own version in
 * {@code xf_schema_version}, the one record that this class, Flyway, Liquibase and a script run by hand all read and
 * write. Stateless.
 */
final class SchemaMigrator {
    private static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS xf_schema_version ("
            + " version INTEGER NOT NULL, script VARCHAR(200) NOT NULL,"
            + " applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,"
            + " CONSTRAINT xf_schema_version_pk PRIMARY KEY (version))";

    private static final Pattern CREATED_TABLE = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(xf_[a-z_]+)");

    private SchemaMigrator() {}

    /** The first version without large objects: applying it checks, and repairs, every snapshot first. */
    static final int PAYLOADS_WITHOUT_LOBS = 3;

    /** How many unreadable cases an error message names before it counts the rest. */
    private static final int NAMED_IN_MESSAGES = 10;

    /**
     * Applies the scripts up to {@code target} only, in the connection's current schema (tests build databases as
     * older versions of the library left them, then migrate them the rest of the way).
     */
    static MigrationReport migrate(DataSource dataSource, Dialect dialect, int target) {
        return migrate(dataSource, dialect, null, target, null);
    }

    static MigrationReport migrate(DataSource dataSource, Dialect dialect, int target, SnapshotRebuilder rebuilder) {
        return migrate(dataSource, dialect, null, target, rebuilder);
    }

    /**
     * Applies the scripts from the database's version up to {@code target}, in the schema that holds xinfang's tables:
     * the configured one, or else the one whose tables an unqualified statement reaches (PostgreSQL's search path),
     * or else the connection's current schema; never a second copy in another schema. Tables another tool built
     * without a version record are adopted: their version is read from what exists, and recorded. When the migration
     * passes version 3 on a database that has rows, every snapshot is read first: the unreadable ones are rebuilt with
     * the rebuilder and written before any script runs, or, without a rebuilder, the migration stops before changing
     * anything.
     *
     * <p>On PostgreSQL everything is one transaction under an advisory lock. On H2 and MySQL, whose DDL commits by
     * itself, the repairs are committed first, then each script with its record; a script that fails leaves the
     * database at the previous version (a fresh database with nothing: the tables a failed first script created are
     * dropped). On MySQL concurrent migrations queue on a named lock ({@link Dialect#lockSchema}).
     */
    @SuppressWarnings("try")   // the schema lock is held for the migration, never referenced
    static MigrationReport migrate(DataSource dataSource, Dialect dialect, String schema, int target,
                                   SnapshotRebuilder rebuilder) {
        if (target < 1 || target > JdbcCaseStore.SCHEMA_VERSION) {
            throw new IllegalArgumentException("target must be between 1 and " + JdbcCaseStore.SCHEMA_VERSION);
        }
        try (Connection c = dataSource.getConnection(); Dialect.Restore lock = dialect.lockSchema(c)) {
            String where = schemaToUse(c, dialect, schema);
            boolean autoCommit = c.getAutoCommit();
            try (Dialect.Restore restore = where == null ? () -> { } : dialect.useSchema(c, where)) {
                c.setAutoCommit(false);
                try {
                    MigrationReport report = migrate(c, dialect, target, rebuilder);
                    c.commit();
                    return report;
                } catch (SQLException | RuntimeException e) {
                    JdbcTransactions.rollbackQuietly(c, e);
                    throw e;
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("schema migration failed", e);
        }
    }

    private static MigrationReport migrate(Connection c, Dialect dialect, int target, SnapshotRebuilder rebuilder)
            throws SQLException {
        dialect.lockMigrations(c);
        int recorded = tableExists(c, dialect, null, "xf_schema_version") ? recordedVersion(c, "xf_schema_version") : 0;
        if (recorded > JdbcCaseStore.SCHEMA_VERSION) {
            throw new StoreException("the database holds xinfang schema version " + recorded
                    + ", newer than this library's " + JdbcCaseStore.SCHEMA_VERSION);
        }
        int current = recorded;
        if (recorded == 0 && tableExists(c, dialect, null, "xf_case")) {
            current = adopt(c, dialect);
            if (!dialect.transactionalDdl()) c.commit();
        }
        List<String> repaired = List.of();
        if (current >= 1 && current < PAYLOADS_WITHOUT_LOBS && target >= PAYLOADS_WITHOUT_LOBS) {
            repaired = repairSnapshots(c, rebuilder);
            if (!dialect.transactionalDdl()) c.commit();
        }
        List<String> existedBefore = current == 0 ? existingTables(c, dialect) : List.of();
        for (int v = current + 1; v <= target; v++) {
            String script = dialect.migrationScript(v);
            try {
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(read(script))) s.execute(sql);
                }
                // H2: the script's DDL has committed itself; its record goes with it, before the next script.
                if (!dialect.transactionalDdl()) c.commit();
            } catch (SQLException e) {
                int stays = dialect.transactionalDdl() ? current : v - 1;
                if (stays == 0 && !dialect.transactionalDdl()) dropCreatedTables(c, dialect, existedBefore, e);
                throw new StoreException("schema migration failed applying " + script + "; the database stays at"
                        + " version " + stays + (stays == 0 ? " (no xinfang tables)" : "")
                        + (repaired.isEmpty() || dialect.transactionalDdl() ? ""
                        : " (the snapshots rebuilt before, of cases " + repaired + ", are written and stay)"), e);
            }
        }
        return new MigrationReport(current, Math.max(current, target), repaired);
    }

    /**
     * Where the migration runs: the configured schema (which must exist), or the schema whose {@code xf_} tables an
     * unqualified statement reaches, or null for the connection's current schema.
     */
    private static String schemaToUse(Connection c, Dialect dialect, String schema) throws SQLException {
        if (schema != null) {
            if (!dialect.schemaExists(c, schema)) {
                throw new StoreException("the configured schema " + schema + " does not exist: create it (CREATE SCHEMA "
                        + schema + ") before migrating; xinfang creates its tables in it, never elsewhere");
            }
            return schema;
        }
        String visible = dialect.visibleSchema(c, "xf_schema_version");
        return visible != null ? visible : dialect.visibleSchema(c, "xf_case");
    }

    /**
     * Records the version of tables another tool built without a record (older scripts applied by hand, Flyway or
     * Liquibase): the highest version all of whose tables and columns exist. A script partly applied is applied again:
     * from version 2 on they skip what exists.
     */
    private static int adopt(Connection c, Dialect dialect) throws SQLException {
        int version = 1;
        if (columnExists(c, dialect, "xf_case", "earliest_due_at")) {
            version = 2;
            // Version 3 changed H2's payload columns only (PostgreSQL's script records the version and nothing else).
            boolean largeObjects = dialect == Dialect.H2
                    && columnTypeIs(c, dialect, "xf_case", "snapshot_payload", "CHARACTER LARGE OBJECT");
            if (!largeObjects && tableExists(c, dialect, null, "xf_change_pending") && tableExists(c, dialect, null, "xf_case_clock")) {
                version = !tableExists(c, dialect, null, "xf_feed_positions") ? 4
                        : !(tableExists(c, dialect, null, "xf_cluster_warning") && tableExists(c, dialect, null, "xf_case_tag")
                                && columnExists(c, dialect, "xf_case", "last_petition_on")) ? 5
                        : !(columnExists(c, dialect, "xf_event", "chain_link") && tableExists(c, dialect, null, "xf_audit")
                                && tableExists(c, dialect, null, "xf_audit_head")) ? 6
                        : tableExists(c, dialect, null, "xf_case_access") ? 8 : 7;
            } else if (dialect == Dialect.H2 && !largeObjects) {
                version = 3;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute(VERSION_TABLE);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_schema_version (version, script) VALUES (?, ?)")) {
            ps.setInt(1, version);
            ps.setString(2, "adopted: tables of version " + version + " found without a record");
            ps.executeUpdate();
        }
        return version;
    }

    /** @return the tables the first script creates */
    private static List<String> firstScriptTables(Dialect dialect) {
        Matcher m = CREATED_TABLE.matcher(read(dialect.migrationScript(1)));
        List<String> tables = new ArrayList<>();
        while (m.find()) tables.add(m.group(1));
        return tables;
    }

    /** @return those of the first script's tables that exist already */
    private static List<String> existingTables(Connection c, Dialect dialect) throws SQLException {
        List<String> existing = new ArrayList<>();
        for (String table : firstScriptTables(dialect)) {
            if (tableExists(c, dialect, null, table)) existing.add(table);
        }
        return existing;
    }

    /**
     * After a first script failed on a database whose DDL commits itself: drops the tables it created (none that existed
     * before), so nothing is left behind.
     */
    private static void dropCreatedTables(Connection c, Dialect dialect, List<String> existedBefore, SQLException failure) {
        List<String> created = new ArrayList<>(firstScriptTables(dialect));
        created.removeAll(existedBefore);
        try (Statement s = c.createStatement()) {
            for (int i = created.size() - 1; i >= 0; i--) s.execute("DROP TABLE IF EXISTS " + created.get(i));
            c.commit();
        } catch (SQLException e) {
            failure.addSuppressed(e);
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

    /**
     * The version recorded in the schema that holds xinfang's tables (see {@link #migrate}), or 0 when there is no
     * record; reads only, and issues no statement that can fail inside the connection's transaction.
     */
    static int installedVersion(Connection c, Dialect dialect, String schema) throws SQLException {
        String where = schema != null ? schema : dialect.visibleSchema(c, "xf_schema_version");
        if (!tableExists(c, dialect, where, "xf_schema_version")) return 0;
        return recordedVersion(c, where == null ? "xf_schema_version" : where + ".xf_schema_version");
    }

    /** @return true if xinfang's case table exists there without a version record (built by another tool) */
    static boolean unrecordedTables(Connection c, Dialect dialect, String schema) throws SQLException {
        String where = schema != null ? schema : dialect.visibleSchema(c, "xf_case");
        return installedVersion(c, dialect, schema) == 0 && tableExists(c, dialect, where, "xf_case");
    }

    private static int recordedVersion(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM " + table)) {
            rs.next();
            return rs.getInt(1);   // 0 when empty (SQL NULL)
        }
    }

    /** @param schema the schema, or null for the connection's current one */
    private static boolean tableExists(Connection c, Dialect dialect, String schema, String table) throws SQLException {
        String[] scope = dialect.metadataScope(c, schema);
        try (ResultSet rs = c.getMetaData().getTables(scope[0], scope[1], dialect.fold(table), new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private static boolean columnExists(Connection c, Dialect dialect, String table, String column) throws SQLException {
        String[] scope = dialect.metadataScope(c, null);
        try (ResultSet rs = c.getMetaData().getColumns(scope[0], scope[1], dialect.fold(table), dialect.fold(column))) {
            return rs.next();
        }
    }

    private static boolean columnTypeIs(Connection c, Dialect dialect, String table, String column, String typeName)
            throws SQLException {
        String[] scope = dialect.metadataScope(c, null);
        try (ResultSet rs = c.getMetaData().getColumns(scope[0], scope[1], dialect.fold(table), dialect.fold(column))) {
            return rs.next() && typeName.equalsIgnoreCase(rs.getString("TYPE_NAME"));
        }
    }

    static String read(String resource) {
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
