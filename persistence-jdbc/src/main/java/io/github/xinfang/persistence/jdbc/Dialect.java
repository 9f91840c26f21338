package io.github.xinfang.persistence.jdbc;

/**
 * The SQL dialects {@link JdbcCaseStore} speaks: where the databases differ in the statements it issues and
 * in the migration scripts it applies. Immutable, stateless.
 *
 * <p>PostgreSQL-compatible databases (KingbaseES, openGauss) use {@link #POSTGRESQL}; the module's README says
 * what to check on each, and what to change for DM (达梦).
 *
 * @since 0.1
 */
public enum Dialect {
    /** PostgreSQL 10 or later (tested on 14): partial attention index, {@code COLLATE "C"} ids. */
    POSTGRESQL("postgresql", " FOR UPDATE OF l SKIP LOCKED"),
    /**
     * H2 2.x in its regular mode, embedded (memory or file): plain attention index, {@code CHARACTER VARYING} payloads
     * (they were {@code CLOB} before schema version 3: H2 can lose a large object that concurrent commits replace, see
     * the module's README). Tested on H2 2.4.240 and 2.3.232.
     */
    H2("h2", " FOR UPDATE SKIP LOCKED"),
    /**
     * MySQL 8.0 or later and MariaDB 10.11 or later, with InnoDB tables (tested on MariaDB 11.4, through both MariaDB
     * Connector/J and MySQL Connector/J): ids and other compared text as {@code VARBINARY} (UTF-8 bytes, so they compare
     * and sort in code-point order, with no case folding and no trailing-space padding), payloads as {@code utf8mb4}
     * {@code LONGTEXT}, plain indexes, an {@code AUTO_INCREMENT} id for unnumbered changes. DDL commits by itself;
     * concurrent migrations queue on the server-wide lock {@code GET_LOCK('xinfang_schema', ...)}. The module's README
     * says what to configure, and what differs on TiDB and OceanBase.
     *
     * @since 0.4
     */
    MYSQL("mysql", " FOR UPDATE SKIP LOCKED");

    /** MySQL's and MariaDB's duplicate-key error ({@code ER_DUP_ENTRY}), reported with SQLState 23000. */
    private static final int MYSQL_DUPLICATE_KEY = 1062;
    /** MySQL's and MariaDB's lock wait timeout ({@code ER_LOCK_WAIT_TIMEOUT}): only the statement is rolled back. */
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    /** MySQL's and MariaDB's deadlock ({@code ER_LOCK_DEADLOCK}, SQLState 40001): the whole transaction is rolled back. */
    private static final int MYSQL_DEADLOCK = 1213;
    /** The name of the server-wide lock that concurrent migrations on MySQL take. */
    private static final String MYSQL_SCHEMA_LOCK = "xinfang_schema";
    /** How long a migration on MySQL waits for another one to finish, in seconds. */
    private static final int MYSQL_SCHEMA_LOCK_SECONDS = 600;

    private final String directory;
    private final String claimLockClause;

    Dialect(String directory, String claimLockClause) {
        this.directory = directory;
        this.claimLockClause = claimLockClause;
    }

    /**
     * The classpath resource holding a migration script of this dialect, for integrators who apply the schema with
     * their own tool instead of {@link JdbcCaseStore#migrate()}. The scripts live in a location of their own,
     * {@code db/xinfang/<dialect>/}, named as Flyway expects ({@code V1__xinfang_schema.sql}, ...): point a second
     * Flyway with its own history table at {@link #flywayLocation()} (see the module's README), include
     * {@code db/xinfang/changelog.xml} in a Liquibase changelog, or run them with any SQL client as they are. Each
     * script ends by recording its version in {@code xf_schema_version}, the record every path reads.
     *
     * @param version the schema version, from 1 to {@link JdbcCaseStore#SCHEMA_VERSION}
     * @return the resource name, e.g. {@code db/xinfang/postgresql/V1__xinfang_schema.sql}
     * @throws IllegalArgumentException if no script has that version
     */
    public String migrationScript(int version) {
        if (version < 1 || version > JdbcCaseStore.SCHEMA_VERSION) {
            throw new IllegalArgumentException("version must be between 1 and " + JdbcCaseStore.SCHEMA_VERSION);
        }
        return "db/xinfang/" + directory + "/V" + version + "__xinfang_schema.sql";
    }

    /**
     * The statements of a migration script, in order, as {@link JdbcCaseStore#migrate()} runs them: comment lines
     * dropped, each statement without its closing semicolon. For tools that take one statement at a time.
     *
     * @param version the schema version, from 1 to {@link JdbcCaseStore#SCHEMA_VERSION}
     * @return the statements, the last of which records the version
     * @throws IllegalArgumentException if no script has that version
     * @throws io.github.xinfang.persistence.StoreException if the script cannot be read from the classpath
     * @since 0.4
     */
    public java.util.List<String> migrationStatements(int version) {
        return SchemaMigrator.statements(SchemaMigrator.read(migrationScript(version)));
    }

    /**
     * @return the Flyway location of this dialect's scripts, e.g. {@code classpath:db/xinfang/postgresql}
     * @since 0.4
     */
    public String flywayLocation() {
        return "classpath:db/xinfang/" + directory;
    }

    /**
     * The dialect of a database, from the product name its JDBC driver reports
     * ({@link java.sql.DatabaseMetaData#getDatabaseProductName()}).
     *
     * @param productName the product name, e.g. {@code PostgreSQL}, {@code H2}, {@code MySQL} or {@code MariaDB}
     * @return the dialect, or empty for a database this adapter does not support
     * @throws NullPointerException if productName is null
     * @since 0.3
     */
    public static java.util.Optional<Dialect> forProductName(String productName) {
        java.util.Objects.requireNonNull(productName, "productName");
        if (productName.equals("PostgreSQL")) return java.util.Optional.of(POSTGRESQL);
        if (productName.equals("H2")) return java.util.Optional.of(H2);
        // MySQL Connector/J reports "MySQL" whatever the server; MariaDB Connector/J reports "MariaDB" or "MySQL".
        if (productName.equals("MySQL") || productName.equals("MariaDB")) return java.util.Optional.of(MYSQL);
        return java.util.Optional.empty();
    }

    /** @return the locking clause of the claim query (case rows {@code c}, claim rows {@code l}) */
    String claimLockClause() {
        return claimLockClause;
    }

    /**
     * @return true if a commit locks the feed counter row first (and so commits run one at a time from their first
     *     statement), rather than last: H2, where concurrent commits of one case waiting for the case row's lock can
     *     lose one of them (see the module's README, "What we guarantee")
     */
    boolean commitsQueueOnTheFeedCounter() {
        return this == H2;
    }

    /** @return true if DDL runs inside a transaction that can be rolled back */
    boolean transactionalDdl() {
        return this == POSTGRESQL;
    }

    /**
     * Unique or primary-key violation: SQLState 23505 on PostgreSQL (and its cousins) and H2; on MySQL and MariaDB
     * SQLState 23000 with error 1062 (23000 alone also covers other integrity violations there).
     */
    boolean isUniqueViolation(java.sql.SQLException e) {
        if (this == MYSQL) return "23000".equals(e.getSQLState()) && e.getErrorCode() == MYSQL_DUPLICATE_KEY;
        return "23505".equals(e.getSQLState());
    }

    /**
     * Failures after which a fresh attempt may succeed: class 40 (serialisation failure, deadlock), lock
     * timeouts (PostgreSQL 55P03, H2 HYT00, MySQL error 1205) and H2's "concurrent update" (90131).
     */
    boolean isTransient(java.sql.SQLException e) {
        for (java.sql.SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (this == MYSQL && (x.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT || x.getErrorCode() == MYSQL_DEADLOCK)) return true;
            if (state == null) continue;
            if (state.startsWith("40") || state.equals("55P03") || state.equals("HYT00") || state.equals("90131")) return true;
        }
        return false;
    }

    /**
     * A serialisation failure (SQLState 40001) that undid only the failed statement: at REPEATABLE READ or above on
     * PostgreSQL, a row changed since the transaction began. Not MySQL's deadlock (also 40001), which rolls back the
     * whole transaction: see {@link #rolledBackTheTransaction}.
     */
    boolean isSerializationFailure(java.sql.SQLException e) {
        for (java.sql.SQLException x = e; x != null; x = x.getNextException()) {
            if ("40001".equals(x.getSQLState()) && !(this == MYSQL && x.getErrorCode() == MYSQL_DEADLOCK)) return true;
        }
        return false;
    }

    /**
     * @return true if the database rolled back the whole transaction, not just the failed statement: a deadlock on
     *     MySQL and MariaDB (InnoDB undoes the victim's transaction; its savepoints are gone with it)
     */
    boolean rolledBackTheTransaction(java.sql.SQLException e) {
        if (this != MYSQL) return false;
        for (java.sql.SQLException x = e; x != null; x = x.getNextException()) {
            if (x.getErrorCode() == MYSQL_DEADLOCK) return true;
        }
        return false;
    }

    /**
     * Makes concurrent migrations of one database queue: the hook {@code SchemaMigrator} calls once, on its
     * connection, before it reads the schema version. On MySQL, whose DDL commits by itself (so a table lock would
     * not last), it takes the server-wide named lock {@code xinfang_schema} ({@code GET_LOCK}, held by the session
     * until released, whatever commits), released when the returned lock is closed; on PostgreSQL and H2 it does
     * nothing here (PostgreSQL takes an advisory lock inside the migration's transaction: {@link #lockMigrations}).
     *
     * @param c the migration's connection
     * @return the lock, to close when the migration ends
     * @throws java.sql.SQLException if the lock could not be asked for
     * @throws io.github.xinfang.persistence.StoreException if it was not granted in time
     */
    Restore lockSchema(java.sql.Connection c) throws java.sql.SQLException {
        if (this != MYSQL) return () -> { };
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, MYSQL_SCHEMA_LOCK);
            ps.setInt(2, MYSQL_SCHEMA_LOCK_SECONDS);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new io.github.xinfang.persistence.StoreException("schema migration did not get the lock "
                            + MYSQL_SCHEMA_LOCK + " within " + MYSQL_SCHEMA_LOCK_SECONDS + " seconds: another migration"
                            + " is running (or a session holds it: SELECT IS_USED_LOCK('" + MYSQL_SCHEMA_LOCK + "'))");
                }
            }
        }
        return () -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                ps.setString(1, MYSQL_SCHEMA_LOCK);
                ps.executeQuery().close();
            }
        };
    }


    /** @return an unquoted identifier as the database's catalog stores it (H2: upper case; PostgreSQL: lower case) */
    String fold(String identifier) {
        return switch (this) {
            case H2 -> identifier.toUpperCase(java.util.Locale.ROOT);
            case POSTGRESQL -> identifier.toLowerCase(java.util.Locale.ROOT);
            case MYSQL -> identifier;   // a database name, as created
        };
    }

    /**
     * Makes a schema the connection's current one (unqualified names resolve and are created there) until the returned
     * handle is closed, which restores the connection's setting.
     */
    Restore useSchema(java.sql.Connection c, String schema) throws java.sql.SQLException {
        switch (this) {
            case POSTGRESQL: {
                String searchPath = queryString(c, "SELECT current_setting('search_path')");
                setSearchPath(c, schema);
                return () -> setSearchPath(c, searchPath);
            }
            case MYSQL: {
                String previous = c.getCatalog();   // MySQL's schema is a database: the connection's catalog
                c.setCatalog(schema);
                return () -> c.setCatalog(previous);
            }
            default: {
                String previous = c.getSchema();
                c.setSchema(fold(schema));
                return () -> c.setSchema(previous);
            }
        }
    }

    /** Restores a connection's setting, or releases a lock. */
    interface Restore extends AutoCloseable {
        @Override
        void close() throws java.sql.SQLException;
    }

    /**
     * The schema whose table of that name an unqualified statement on this connection reaches, when the database looks
     * for tables along a search path (PostgreSQL); otherwise, or when no such table is visible, null.
     */
    String visibleSchema(java.sql.Connection c, String table) throws java.sql.SQLException {
        if (this != POSTGRESQL) return null;
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT n.nspname FROM pg_catalog.pg_class t"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace WHERE t.oid = to_regclass(?)")) {
            ps.setString(1, table);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Serialises migrations: PostgreSQL takes a transaction-scoped advisory lock, so nodes starting together apply each
     * script once (the second finds it applied). H2, embedded, is migrated from one thread.
     */
    void lockMigrations(java.sql.Connection c) throws java.sql.SQLException {
        if (this == POSTGRESQL) queryString(c, "SELECT CAST(pg_advisory_xact_lock(7867368617) AS TEXT)");
    }

    private static void setSearchPath(java.sql.Connection c, String searchPath) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT set_config('search_path', ?, false)")) {
            ps.setString(1, searchPath);
            ps.executeQuery().close();
        }
    }

    private static String queryString(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Where metadata looks for a schema's tables: {catalog, schema pattern}. MySQL's schema is a database, which JDBC
     * calls a catalog.
     *
     * @param schema the schema, or null for the connection's current one
     */
    String[] metadataScope(java.sql.Connection c, String schema) throws java.sql.SQLException {
        if (this == MYSQL) return new String[] {schema != null ? schema : c.getCatalog(), null};
        return new String[] {c.getCatalog(), schema != null ? fold(schema) : c.getSchema()};
    }

    /** @return true if the schema (on MySQL: the database) exists */
    boolean schemaExists(java.sql.Connection c, String schema) throws java.sql.SQLException {
        java.sql.DatabaseMetaData meta = c.getMetaData();
        if (this == MYSQL) {
            try (java.sql.ResultSet rs = meta.getCatalogs()) {
                while (rs.next()) {
                    if (schema.equals(rs.getString(1))) return true;
                }
                return false;
            }
        }
        try (java.sql.ResultSet rs = meta.getSchemas(c.getCatalog(), fold(schema))) {
            return rs.next();
        }
    }
}
