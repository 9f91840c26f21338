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
    /** PostgreSQL 10 or later (tested on 14): partial attention index, {@code COLLATE "C"} ids, {@code RETURNING}. */
    POSTGRESQL("postgresql",
            "UPDATE xf_feed_counter SET last_position = last_position + 1 WHERE id = 1 RETURNING last_position",
            " FOR UPDATE OF l SKIP LOCKED"),
    /**
     * H2 2.x in its regular mode, embedded (memory or file): plain attention index, {@code CHARACTER VARYING} payloads
     * (they were {@code CLOB} before schema version 3: H2 can lose a large object that concurrent commits replace, see
     * the module's README). Tested on H2 2.4.240 and 2.3.232.
     */
    H2("h2", null, " FOR UPDATE SKIP LOCKED");

    private final String directory;
    private final String incrementAndReturnPosition;
    private final String claimLockClause;

    Dialect(String directory, String incrementAndReturnPosition, String claimLockClause) {
        this.directory = directory;
        this.incrementAndReturnPosition = incrementAndReturnPosition;
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
     * @param productName the product name, e.g. {@code PostgreSQL} or {@code H2}
     * @return the dialect, or empty for a database this adapter does not support
     * @throws NullPointerException if productName is null
     * @since 0.3
     */
    public static java.util.Optional<Dialect> forProductName(String productName) {
        java.util.Objects.requireNonNull(productName, "productName");
        if (productName.equals("PostgreSQL")) return java.util.Optional.of(POSTGRESQL);
        if (productName.equals("H2")) return java.util.Optional.of(H2);
        return java.util.Optional.empty();
    }

    /** @return the statement that advances the feed counter and returns the new position in one go, or null */
    String incrementAndReturnPosition() {
        return incrementAndReturnPosition;
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

    /** @return an unquoted identifier as the database's catalog stores it (H2: upper case; PostgreSQL: lower case) */
    String fold(String identifier) {
        return switch (this) {
            case H2 -> identifier.toUpperCase(java.util.Locale.ROOT);
            case POSTGRESQL -> identifier.toLowerCase(java.util.Locale.ROOT);
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
            default: {
                String previous = c.getSchema();
                c.setSchema(fold(schema));
                return () -> c.setSchema(previous);
            }
        }
    }

    /** Restores a connection's setting. */
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
}
