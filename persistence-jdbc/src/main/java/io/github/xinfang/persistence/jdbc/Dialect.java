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
     * The classpath resource holding a migration script of this dialect, for integrators who apply the
     * schema with their own tool (Flyway, Liquibase) instead of {@link JdbcCaseStore#migrate()}.
     *
     * @param version the schema version, from 1 to {@link JdbcCaseStore#SCHEMA_VERSION}
     * @return the resource name, e.g. {@code io/github/xinfang/persistence/jdbc/postgresql/V1__schema.sql}
     * @throws IllegalArgumentException if no script has that version
     */
    public String migrationScript(int version) {
        if (version < 1 || version > JdbcCaseStore.SCHEMA_VERSION) {
            throw new IllegalArgumentException("version must be between 1 and " + JdbcCaseStore.SCHEMA_VERSION);
        }
        return "io/github/xinfang/persistence/jdbc/" + directory + "/V" + version + "__schema.sql";
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
     * nothing here (PostgreSQL locks the version table inside the migration's transaction).
     *
     * @param c the migration's connection
     * @return the lock, to close when the migration ends
     * @throws java.sql.SQLException if the lock could not be asked for
     * @throws io.github.xinfang.persistence.StoreException if it was not granted in time
     */
    SchemaLock lockSchema(java.sql.Connection c) throws java.sql.SQLException {
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

    /** A lock that concurrent migrations queue on; closing it releases it. */
    interface SchemaLock extends AutoCloseable {
        @Override
        void close() throws java.sql.SQLException;
    }
}
