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
}
