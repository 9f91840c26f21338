package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.AccessScope;
import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CommandLookup;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChainedEvent;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.Claim;
import io.github.xinfang.persistence.ClusterQuery;
import io.github.xinfang.persistence.ClusterWarnings;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.ReportQuery;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.SnapshotRebuilder;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.StoredWarning;
import io.github.xinfang.persistence.TransientStoreException;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.persistence.WorkClaims;
import io.github.xinfang.persistence.chain.AccessAudit;
import io.github.xinfang.persistence.chain.AuditEntry;
import io.github.xinfang.persistence.chain.AuditRecord;
import io.github.xinfang.persistence.chain.EventChain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * A {@link CaseStore} on plain JDBC, with every optional port ({@link ChangeFeed}, {@link CaseQuery},
 * {@link WorkClaims}, {@link IndexMaintenance}, {@link ResolutionQuery}, {@link OverdueQuery}, {@link ReportQuery}), for PostgreSQL, H2, MySQL and
 * MariaDB (and, with the README's dialect notes, KingbaseES, openGauss, DM, TiDB and OceanBase).
 *
 * <p>Built from a {@link DataSource} (bring a pool) and a {@link Dialect} ({@link #create}, or {@link #builder} for a
 * schema name and the participating mode); {@link #migrate()} creates or upgrades the schema. Semantics mirror the
 * in-memory reference store rule for rule:
 * <ul>
 *   <li>A commit is one transaction at READ COMMITTED: the version check is the database's (a conditional
 *       {@code UPDATE ... WHERE version = ?} whose update count is checked, or an {@code INSERT} relying on the
 *       primary key for a new case), then the idempotency record (unique per case and key), the events, the
 *       index row's child rows, and last the change, appended unnumbered to {@code xf_change_pending}.</li>
 *   <li>Change-feed positions are handed out by {@link #changesAfter}: in a short transaction of its own it locks the
 *       one-row counter and numbers the committed pending changes in the order of their identity ids, which is commit
 *       order for every pair of commits where one was acknowledged before the other began; positions are gap-free,
 *       and no commit ever holds the counter's lock (see the README's "The change feed"). On H2 a commit in a
 *       transaction of its own still locks the counter row first, so such commits run one at a time: H2 can lose a
 *       commit of a row whose lock a rolled-back transaction had waited for (see the README's "What we
 *       guarantee").</li>
 *   <li>A commit refused before it wrote anything (a version conflict, a recorded key, a sequence that does not
 *       continue) ends with {@code COMMIT} of its unchanged transaction, never {@code ROLLBACK}, for the same
 *       reason.</li>
 *   <li>Reads of immutable history (events, applied commands, the feed) run in auto-commit; reads of index
 *       rows, which span a case row and its child rows, run in a read-only REPEATABLE READ transaction so a
 *       row is never torn between two commits.</li>
 *   <li>Transient failures of a commit (deadlock, serialisation failure, lock timeout, H2's concurrent-update
 *       error) roll the whole transaction back and retry it a few times; other {@link SQLException}s become a
 *       {@link StoreException} with the cause kept.</li>
 *   <li>In the participating mode ({@link Builder#participating}) commits and reads run on the connection of the
 *       caller's open transaction instead, each commit inside a savepoint, never committing, rolling back, retrying
 *       or changing the connection's settings; listeners hear of a commit when the caller's transaction commits.</li>
 * </ul>
 *
 * <p>Thread-safe: the object holds no mutable state; every operation borrows its own connection, or uses the
 * caller's.
 *
 * @since 0.1
 */
public final class JdbcCaseStore implements CaseStore, ChangeFeed, CaseQuery, WorkClaims, IndexMaintenance,
        ResolutionQuery, OverdueQuery, ReportQuery, ClusterQuery, ClusterWarnings, AccessAudit {

    /**
     * The schema version this library writes and reads; {@link #migrate()} brings a database up to it (version 2
     * added the earliest due instant and the indexes of the resolution queries; version 3 moved H2's payload
     * columns from {@code CLOB} to {@code CHARACTER VARYING}, out of H2's large-object store; version 4 added the
     * clock dues table {@code xf_case_clock} and the indexes of the overdue queries; version 5 added the followers'
     * positions table {@code xf_feed_positions} that {@link JdbcFeedPositions} reads and writes; version 6 added the
     * subject tags {@code xf_case_tag}, the latest petition day and the cluster warnings {@code xf_cluster_warning};
     * version 7 added each event's chain link, {@code xf_event.chain_link}, see {@link #linkHistories}).
     */
    public static final int SCHEMA_VERSION = 8;

    /** How many times a commit is attempted when the database reports a transient failure. */
    private static final int MAX_ATTEMPTS = 8;

    /** Largest IN-list the adapter sends (Oracle-like databases such as DM refuse more than 1,000). */
    private static final int IN_LIST_LIMIT = 1000;

    /** The columns of an index row: case id, version, then the {@link IndexColumn}s read by {@link #indexRowBuilder}. */
    private static final String CASE_COLUMNS = "c.case_id, c.version, " + IndexColumn.names("c.");

    private static final String EVENT_COLUMNS = "e.sequence, e.type, e.schema_version, e.payload, e.recorded_at";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Tables tables;
    /** The caller's transactions, in the participating mode; null in the own-transaction mode. */
    private final TransactionBinding binding;

    private JdbcCaseStore(DataSource dataSource, Dialect dialect, Tables tables, TransactionBinding binding) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
        this.binding = binding;
    }

    /**
     * Starts building a store over a data source: its dialect (detected unless given), the schema holding its tables
     * (the connection's current schema unless given), and whether it runs its own transactions (the default) or
     * takes part in the caller's.
     *
     * @param dataSource where the store's own connections come from (a pool, in production); a participating store
     *     uses it when no caller's transaction is open, and for the work that must commit on its own (numbering the
     *     change feed, work claims, migrations)
     * @return a builder
     * @throws NullPointerException if dataSource is null
     * @since 0.3
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Builds a {@link JdbcCaseStore}. Not thread-safe; the store it builds is.
     *
     * @since 0.3
     */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private String schema;
        private TransactionBinding binding;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * @param dialect the database's dialect; when not set, {@link #build()} detects it from the database's product
         *     name (borrowing one connection)
         * @return this builder
         * @throws NullPointerException if dialect is null
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Names the schema (on MySQL: the database) that holds xinfang's tables. Every statement the store issues names
         * its tables with it, so the store reads and writes there whatever the connection's current schema or search
         * path is. Unset, the store uses unqualified names: the connection's current schema.
         *
         * @param schema an unquoted SQL identifier: a letter or underscore, then letters, digits or underscores, at
         *     most 63 characters (PostgreSQL folds it to lower case, H2 to upper case, as for any unquoted name)
         * @return this builder
         * @throws NullPointerException if schema is null
         * @throws IllegalArgumentException if schema is not such an identifier
         */
        public Builder schema(String schema) {
            this.schema = Tables.checkSchemaName(schema);
            return this;
        }

        /**
         * Makes the store take part in the caller's transaction: while {@code binding} answers a connection, every
         * commit, read and index write runs on it, inside a savepoint of the store's own, and the store never commits,
         * rolls back, retries or changes the connection's settings; listeners are told after the caller's transaction
         * commits. The caller's transaction must run at READ COMMITTED or stronger (checked at each commit). A commit
         * that fails for a transient reason (deadlock, lock timeout) is undone to the savepoint and thrown as a
         * {@link io.github.xinfang.persistence.TransientStoreException}; a version conflict, including a serialisation
         * failure of the case row at REPEATABLE READ or SERIALIZABLE, is the usual
         * {@link VersionConflictException}. Either way the caller's transaction stays usable.
         *
         * @param binding the caller's transactions
         * @return this builder
         * @throws NullPointerException if binding is null
         */
        public Builder participating(TransactionBinding binding) {
            this.binding = Objects.requireNonNull(binding, "binding");
            return this;
        }

        /**
         * @return the store; nothing is read or written except, without a dialect, the product name
         * @throws StoreException if the dialect must be detected and the database is not supported, or cannot be asked
         */
        public JdbcCaseStore build() {
            Dialect d = dialect != null ? dialect : detectDialect(dataSource);
            return new JdbcCaseStore(dataSource, d, new Tables(schema), binding);
        }
    }

    /**
     * Creates a store over a data source. Nothing is read or written until the first call; call
     * {@link #migrate()} once at start-up (or apply {@link Dialect#migrationScript} with your own tool).
     *
     * @param dataSource where connections come from (a pool, in production)
     * @param dialect the database's dialect
     * @return the store
     * @throws NullPointerException naming a null argument
     */
    public static JdbcCaseStore create(DataSource dataSource, Dialect dialect) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        return builder(dataSource).dialect(dialect).build();
    }

    /**
     * Creates a store over a data source, its dialect detected from the database's product name (one connection is
     * borrowed and returned). A database the adapter does not support is refused here, naming the supported ones;
     * for a PostgreSQL-compatible database (KingbaseES, openGauss), pass {@link Dialect#POSTGRESQL} to
     * {@link #create(DataSource, Dialect)}.
     *
     * @param dataSource where connections come from (a pool, in production)
     * @return the store
     * @throws NullPointerException if dataSource is null
     * @throws StoreException if the database is not PostgreSQL, H2, MySQL or MariaDB, or cannot be asked what it is
     * @since 0.3
     */
    public static JdbcCaseStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    private static Dialect detectDialect(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StoreException("could not ask the database for its product name", e);
        }
        Dialect dialect = Dialect.forProductName(product).orElseThrow(() -> new StoreException("unsupported database "
                + product + ": xinfang-persistence-jdbc supports PostgreSQL (10 or later), H2 (2.x), MySQL (8.0 or later)"
                + " and MariaDB (10.11 or later); for a"
                + " PostgreSQL-compatible database (KingbaseES, openGauss) pass Dialect.POSTGRESQL to create(dataSource, dialect)"));
        return dialect;
    }

    /**
     * The schema version the database holds, read without changing anything: the highest version recorded in
     * {@code xf_schema_version} of the configured schema (or, unset, of the schema an unqualified statement reaches),
     * or 0 when that table does not exist (no xinfang schema). Every way of applying the schema writes that record:
     * {@link #migrate()}, the scripts run by hand, Flyway and Liquibase.
     *
     * @return the version, 0 for none
     * @throws StoreException if the database cannot be read
     * @since 0.3
     */
    public int schemaVersion() {
        return onOwnConnection("reading the xinfang schema version failed",
                c -> SchemaMigrator.installedVersion(c, dialect, tables.schema()));
    }

    /**
     * Fails fast unless the database holds exactly the schema version this library needs ({@link #SCHEMA_VERSION}),
     * for portals whose own tool applies the scripts: read-only.
     *
     * @return this store
     * @throws StoreException saying which version was found and which is needed (e.g. {@code xinfang schema 2 found,
     *     this library needs 3}), or if the database cannot be read
     * @since 0.3
     */
    public JdbcCaseStore validate() {
        int found = schemaVersion();
        if (found == SCHEMA_VERSION) return this;
        if (found == 0 && unrecordedTables()) {
            throw new StoreException("xinfang tables found without a version record (no xf_schema_version rows; built"
                    + " from scripts older than 0.4), this library needs " + SCHEMA_VERSION + ": call migrate(), which"
                    + " adopts them, recording their version, and applies the scripts they lack");
        }
        if (found == 0) {
            throw new StoreException("no xinfang schema found (no xf_schema_version table), this library needs "
                    + SCHEMA_VERSION + ": call migrate() or apply " + dialect.migrationScript(1) + " to " + dialect.migrationScript(SCHEMA_VERSION));
        }
        if (found > SCHEMA_VERSION) {
            throw new StoreException("xinfang schema " + found + " found, newer than this library's " + SCHEMA_VERSION
                    + ": upgrade the library");
        }
        throw new StoreException("xinfang schema " + found + " found, this library needs " + SCHEMA_VERSION
                + ": call migrate() or apply " + dialect.migrationScript(found + 1) + " and the scripts after it");
    }

    private boolean unrecordedTables() {
        return onOwnConnection("reading the xinfang schema failed",
                c -> SchemaMigrator.unrecordedTables(c, dialect, tables.schema()));
    }

    /** @return the dialect this store speaks */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the data source of the store's own connections */
    DataSource dataSource() {
        return dataSource;
    }

    /** @return where the store's tables are */
    Tables tables() {
        return tables;
    }

    /** @return the caller's transactions in the participating mode, or null in the own-transaction mode */
    TransactionBinding binding() {
        return binding;
    }

    /**
     * Creates the schema, or upgrades it to {@link #SCHEMA_VERSION}, each script recording its version in the table
     * {@code xf_schema_version} (the record Flyway, Liquibase and scripts run by hand write too, so a database can be
     * migrated one way, then another). Idempotent: an up-to-date schema is left alone. The tables go to the configured
     * {@linkplain Builder#schema schema} (which must exist), or, unset, to the schema whose xinfang tables the
     * connection already reaches (PostgreSQL's search path), or else to the connection's current schema: never a second
     * copy beside existing tables. Tables another tool built from scripts without a version record are adopted (their
     * version is read from the columns and tables that exist, and recorded). On PostgreSQL the scripts run in one
     * transaction under an advisory lock, so nodes starting together apply each script once, and a failure leaves
     * nothing behind; on H2, whose DDL commits by itself, call it from one thread, before the store takes commits: a
     * script that fails leaves the database at the version before it, and a first script that fails leaves no tables.
     *
     * <p>Upgrading to version 3 reads every case's snapshot first. If one cannot be read (H2 fails to read a
     * damaged large object, or the value is missing), this method changes nothing and throws, naming the cases:
     * use {@link #migrate(SnapshotRebuilder)}, which rebuilds them from their events.
     *
     * @return this store
     * @throws StoreException if a script fails, a snapshot cannot be read, or the database holds a newer schema
     *     than this library knows
     */
    public JdbcCaseStore migrate() {
        SchemaMigrator.migrate(dataSource, dialect, tables.schema(), SCHEMA_VERSION, null);
        return this;
    }

    /**
     * Like {@link #migrate()}, and where upgrading to version 3 finds a snapshot it cannot read (reading it fails,
     * as on an H2 database whose large objects concurrent commits damaged, or the value is missing), it rebuilds
     * that snapshot from the case's events with the rebuilder (core's {@code CaseService.snapshotRebuilder()}) and
     * writes it, before any script runs. The rebuilds come first and write nothing: if one fails (an event that
     * cannot be read, a history that does not replay), nothing is written and the migration throws, naming the
     * case. On PostgreSQL the repairs and the scripts are one transaction; on H2 the repairs are committed
     * together, then each script with its record, so a failure leaves the database at a version it can be migrated
     * from again. A database already at version 3 is left alone (see {@link #repairSnapshots}).
     *
     * @param rebuilder rebuilds a snapshot from the case's events
     * @return the versions before and after, and the cases whose snapshot was rebuilt
     * @throws NullPointerException if the rebuilder is null
     * @throws StoreException if a script, a read or a rebuild fails, or the database holds a newer schema than
     *     this library knows
     * @since 0.3
     */
    public MigrationReport migrate(SnapshotRebuilder rebuilder) {
        Objects.requireNonNull(rebuilder, "rebuilder");
        return SchemaMigrator.migrate(dataSource, dialect, tables.schema(), SCHEMA_VERSION, rebuilder);
    }

    /**
     * Reads every case's snapshot, and rebuilds from the case's events and writes each one that cannot be read
     * (or is missing), in one transaction: for a database whose schema is applied by your own tool (Flyway,
     * Liquibase), before it applies {@code V3__xinfang_schema.sql} to an H2 database that concurrent commits may have
     * damaged; or as a check at any time. The rebuilds come before any write, and a failed one writes nothing.
     * Each write is guarded by the version the snapshot was rebuilt at. Reads the whole case table; run it while
     * the store takes no commits.
     *
     * @param rebuilder rebuilds a snapshot from the case's events (core's {@code CaseService.snapshotRebuilder()})
     * @return the ids of the cases whose snapshot was rebuilt, in {@link String#compareTo} order
     * @throws NullPointerException if the rebuilder is null
     * @throws StoreException if a read, a rebuild or a write fails (nothing is written then)
     * @since 0.3
     */
    public List<String> repairSnapshots(SnapshotRebuilder rebuilder) {
        Objects.requireNonNull(rebuilder, "rebuilder");
        try (Connection c = dataSource.getConnection()) {
            // The repair's statements name no schema.
            try (Dialect.Restore restore = tables.schema() == null ? () -> { } : dialect.useSchema(c, tables.schema())) {
                return inTransaction(c, Connection.TRANSACTION_READ_COMMITTED, x -> SnapshotRepair.repair(x, rebuilder), ids -> true);
            }
        } catch (SQLException e) {
            throw new StoreException("repairing unreadable snapshots failed; nothing was written", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- commit

    /**
     * How a commit attempt ended, when it did not throw. Every refusal but {@link #DUPLICATE_AFTER_UPDATE} is found
     * before the attempt writes anything, and its transaction is committed rather than rolled back (see
     * {@link #attemptCommit}).
     */
    private enum Outcome { COMMITTED, CONFLICT, CONFLICT_ON_INSERT, DUPLICATE, DUPLICATE_AFTER_UPDATE, BAD_SEQUENCE }

    /**
     * Runs the action at once, or, in the participating mode while the caller's transaction is open, registers it with
     * the {@link TransactionBinding} to run after that transaction commits (never if it rolls back).
     */
    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        Connection caller = callerConnection();
        if (caller == null) {
            action.run();
            return;
        }
        onCallersConnection(caller, "registering an after-commit action failed", c -> {
            binding.afterCommit(action);
            return null;
        });
    }

    @Override
    public void commit(CaseCommit commit) {
        Objects.requireNonNull(commit, "commit");
        Outcome outcome = writing("commit failed on case " + commit.caseId(), "commit on case " + commit.caseId(),
                (c, own) -> writeCommit(c, commit, own), o -> o != Outcome.DUPLICATE_AFTER_UPDATE,
                o -> o != Outcome.DUPLICATE_AFTER_UPDATE && o != Outcome.CONFLICT_ON_INSERT, Outcome.CONFLICT, true);
        switch (outcome) {
            case COMMITTED:
                return;
            case CONFLICT:
            case CONFLICT_ON_INSERT:
                throw new VersionConflictException(commit.caseId(), commit.expectedVersion(), storedVersion(commit.caseId()));
            case DUPLICATE:
            case DUPLICATE_AFTER_UPDATE:
                throw new DuplicateCommandException(commit.caseId(), commit.idempotencyKey());
            case BAD_SEQUENCE:
                throw new IllegalArgumentException("events must continue the stored sequence of case " + commit.caseId()
                        + ", got " + commit.events().get(0).sequence());
            default:
                throw new AssertionError(outcome);
        }
    }

    /**
     * The statements of one commit, in an open transaction (the store's own, or a savepoint in the caller's). The
     * change is appended to {@code xf_change_pending} last; the feed's reader numbers it (see {@link #changesAfter}).
     */
    private Outcome writeCommit(Connection c, CaseCommit commit, boolean ownTransaction) throws SQLException {
        String caseId = commit.caseId();
        List<StoredEvent> events = commit.events();
        long firstSequence = events.get(0).sequence();
        long lastSequence = events.get(events.size() - 1).sequence();
        long newVersion = commit.newVersion();
        boolean pipelined = pipelines(c);
        if (commit.expectedVersion() == 0 && firstSequence != 1) {
            return readVersionAndSequence(c, caseId)[0] != 0 ? Outcome.CONFLICT : Outcome.BAD_SEQUENCE;
        }
        if (pipelined && ownTransaction) return writeInOneRoundTrip(c, commit);

        if (ownTransaction && dialect.commitsQueueOnTheFeedCounter()) {
            // H2: queue here, before touching the case row, so that commits of a case never wait for each other's
            // row lock (see Dialect.H2). Nothing is written: a refusal below still commits an unchanged database.
            // Never inside a caller's transaction, which would hold this lock for as long as it stays open.
            try (PreparedStatement ps = prepare(c, "SELECT last_position FROM xf_feed_counter WHERE id = 1 FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new StoreException("the feed counter row xf_feed_counter(id = 1) is missing");
            }
        }
        if (commit.expectedVersion() == 0) {
            try (PreparedStatement ps = prepare(c, INSERT_CASE_SQL)) {
                bindInsertCase(ps, commit, lastSequence);
                ps.executeUpdate();
            } catch (SQLException e) {
                // The case exists: someone committed it first. The failed statement is undone with its savepoint inside a
                // caller's transaction (PostgreSQL refuses every later statement of a transaction with a failed one).
                if (isUniqueViolation(e)) return Outcome.CONFLICT_ON_INSERT;
                throw e;
            }
            if (pipelined) {
                try (PreparedStatement ps = prepare(c, PipelinedCommit.AFTER_INSERT)) {
                    PipelinedCommit.writeAfterGuard(c, ps, 1, commit, true);
                }
                return Outcome.COMMITTED;
            }
            try (PreparedStatement ps = prepare(c, "INSERT INTO xf_claim (case_id) VALUES (?)")) {
                ps.setString(1, caseId);
                ps.executeUpdate();
            }
        } else {
            int updated;
            try (PreparedStatement ps = prepare(c, updateCaseSql(commit))) {
                bindUpdateCase(ps, commit, lastSequence);
                updated = ps.executeUpdate();
            }
            if (updated == 0) return refusedUpdate(c, commit);
            // This transaction now holds the case row's lock at the expected version: no other commit of the
            // case can record a key until it ends, so a unique violation below is this key, already recorded.
            if (pipelined) {
                try (PreparedStatement ps = prepare(c, PipelinedCommit.AFTER_UPDATE)) {
                    PipelinedCommit.writeAfterGuard(c, ps, 1, commit, false);
                } catch (SQLException e) {
                    if (keyRecordedTwice(e)) return Outcome.DUPLICATE_AFTER_UPDATE;
                    throw e;
                }
                return Outcome.COMMITTED;
            }
            try {
                insertCommit(c, commit, firstSequence, lastSequence);
            } catch (SQLException e) {
                if (isUniqueViolation(e)) return Outcome.DUPLICATE_AFTER_UPDATE;   // the case row was updated: roll back
                throw e;
            }
            deleteChildren(c, caseId);
        }
        if (commit.expectedVersion() == 0) insertCommit(c, commit, firstSequence, lastSequence);
        insertEvents(c, commit, newVersion);
        insertChildRows(c, commit.indexRow());

        try (PreparedStatement ps = prepare(c, INSERT_CHANGE_SQL)) {
            ps.setString(1, caseId);
            ps.setLong(2, newVersion);
            ps.setLong(3, firstSequence);
            ps.setLong(4, lastSequence);
            ps.executeUpdate();
        }
        return Outcome.COMMITTED;
    }

    /**
     * A commit in a transaction of the store's own on pgjdbc ({@link PipelinedCommit}): the transaction's level, the
     * guard and every write it allows, in one round trip. A guard that fails stops the writes after it; the transaction
     * is then rolled back and the refusal read, as on the other path.
     */
    private Outcome writeInOneRoundTrip(Connection c, CaseCommit commit) throws SQLException {
        boolean newCase = commit.expectedVersion() == 0;
        long lastSequence = commit.events().get(commit.events().size() - 1).sequence();
        String guard = newCase ? INSERT_CASE_SQL : PipelinedCommit.refusing(updateCaseSql(commit));
        try (PreparedStatement ps = prepare(c, PipelinedCommit.ISOLATION + guard + "; "
                + (newCase ? PipelinedCommit.AFTER_INSERT : PipelinedCommit.AFTER_UPDATE))) {
            int next = newCase ? bindInsertCase(ps, commit, lastSequence) : bindUpdateCase(ps, commit, lastSequence);
            PipelinedCommit.writeAfterGuard(c, ps, next, commit, newCase);
            return Outcome.COMMITTED;
        } catch (SQLException e) {
            if (newCase && isUniqueViolation(e) && String.valueOf(e.getMessage()).contains(CASE_KEY_CONSTRAINT)) {
                return Outcome.CONFLICT_ON_INSERT;
            }
            if (!newCase && keyRecordedTwice(e)) return Outcome.DUPLICATE_AFTER_UPDATE;
            if (!newCase && PipelinedCommit.refused(e)) {
                c.rollback();
                return refusedUpdate(c, commit);
            }
            throw e;
        }
    }

    /** Why a guarded update matched no row, read in the commit's transaction. */
    private Outcome refusedUpdate(Connection c, CaseCommit commit) throws SQLException {
        long firstSequence = commit.events().get(0).sequence();
        long[] stored = readVersionAndSequence(c, commit.caseId());
        if (stored[0] != commit.expectedVersion()) return Outcome.CONFLICT;
        // The guard matched nothing, yet the row reads as matching it: another commit of the case is finishing
        // (H2 shows it to the guarded update a moment before it shows it to reads, which may then see that
        // commit's idempotency record but not yet its case row). A conflict: the caller reloads and tries again.
        if (stored[1] == firstSequence - 1) return Outcome.CONFLICT;
        return keyRecorded(c, commit.caseId(), commit.idempotencyKey()) ? Outcome.DUPLICATE : Outcome.BAD_SEQUENCE;
    }

    /**
     * Whether a pipelined commit failed on its commit record's key: of the statements after the guard, only that one
     * can meet a recorded key (PostgreSQL names the constraint in its message, in any language).
     */
    private boolean keyRecordedTwice(SQLException e) {
        return isUniqueViolation(e) && String.valueOf(e.getMessage()).contains(COMMIT_KEY_CONSTRAINT);
    }

    /** The unique constraint on a case's idempotency keys. */
    private static final String COMMIT_KEY_CONSTRAINT = "xf_commit_key_uq";
    /** The case row's primary key, broken when another commit created the case first. */
    private static final String CASE_KEY_CONSTRAINT = "xf_case_pk";

    /** Binds {@link #INSERT_CASE_SQL}; @return the index of the next parameter */
    private static int bindInsertCase(PreparedStatement ps, CaseCommit commit, long lastSequence) throws SQLException {
        bindCaseColumns(ps, commit, lastSequence);
        ps.setString(6 + IndexColumn.COUNT, commit.caseId());
        return 7 + IndexColumn.COUNT;
    }

    /** The guarded update of a commit's case row: with its snapshot, or keeping the stored one (rule S10). */
    private static String updateCaseSql(CaseCommit commit) {
        return commit.carriesSnapshot() ? UPDATE_CASE_SQL : UPDATE_CASE_KEEP_SNAPSHOT_SQL;
    }

    /** Binds {@link #updateCaseSql}; @return the index of the next parameter */
    private static int bindUpdateCase(PreparedStatement ps, CaseCommit commit, long lastSequence) throws SQLException {
        long storedLastSequence = commit.events().get(0).sequence() - 1;
        if (!commit.carriesSnapshot()) {
            ps.setLong(1, commit.newVersion());
            ps.setLong(2, lastSequence);
            IndexColumn.bindAll(ps, 3, commit.indexRow());
            ps.setString(3 + IndexColumn.COUNT, commit.caseId());
            ps.setLong(4 + IndexColumn.COUNT, commit.expectedVersion());
            ps.setLong(5 + IndexColumn.COUNT, storedLastSequence);
            return 6 + IndexColumn.COUNT;
        }
        bindCaseColumns(ps, commit, lastSequence);
        ps.setString(6 + IndexColumn.COUNT, commit.caseId());
        ps.setLong(7 + IndexColumn.COUNT, commit.expectedVersion());
        ps.setLong(8 + IndexColumn.COUNT, storedLastSequence);
        return 9 + IndexColumn.COUNT;
    }

    /** A new case row: version, last sequence, the index columns, the snapshot, the case id. */
    static final String INSERT_CASE_SQL = "INSERT INTO xf_case (version, last_sequence, " + IndexColumn.names("")
            + ", snapshot_version, snapshot_schema_version, snapshot_payload, case_id) VALUES ("
            + String.join(", ", Collections.nCopies(6 + IndexColumn.COUNT, "?")) + ")";

    /** The case row of a commit, guarded by the expected version and the stored last sequence. */
    static final String UPDATE_CASE_SQL = "UPDATE xf_case SET version = ?, last_sequence = ?, " + IndexColumn.assignments()
            + ", snapshot_version = ?, snapshot_schema_version = ?, snapshot_payload = ?"
            + " WHERE case_id = ? AND version = ? AND last_sequence = ?";

    /** The case row of a commit without a snapshot (rule S10), guarded by the expected version and the stored last sequence. */
    static final String UPDATE_CASE_KEEP_SNAPSHOT_SQL = "UPDATE xf_case SET version = ?, last_sequence = ?, "
            + IndexColumn.assignments() + " WHERE case_id = ? AND version = ? AND last_sequence = ?";

    /** The index columns of a case row, guarded by the version. */
    static final String REPLACE_INDEX_ROW_SQL = "UPDATE xf_case SET " + IndexColumn.assignments()
            + " WHERE case_id = ? AND version = ?";

    /** Binds version, last sequence, the index columns and the snapshot, from parameter 1 on. */
    private static void bindCaseColumns(PreparedStatement ps, CaseCommit commit, long lastSequence) throws SQLException {
        StoredSnapshot snapshot = commit.snapshot();
        ps.setLong(1, commit.newVersion());
        ps.setLong(2, lastSequence);
        IndexColumn.bindAll(ps, 3, commit.indexRow());
        ps.setLong(3 + IndexColumn.COUNT, snapshot.version());
        ps.setInt(4 + IndexColumn.COUNT, snapshot.schemaVersion());
        ps.setString(5 + IndexColumn.COUNT, snapshot.payload());
    }

    /** Records a commit's idempotency key and event range (xf_commit, as since schema version 1). */
    void insertCommit(Connection c, CaseCommit commit, long firstSequence, long lastSequence) throws SQLException {
        try (PreparedStatement ps = prepare(c, "INSERT INTO xf_commit (case_id, version, idempotency_key, command_digest,"
                + " first_sequence, last_sequence) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, commit.caseId());
            ps.setLong(2, commit.newVersion());
            ps.setString(3, commit.idempotencyKey());
            ps.setString(4, commit.commandDigest());
            ps.setLong(5, firstSequence);
            ps.setLong(6, lastSequence);
            ps.executeUpdate();
        }
    }

    /** Writes a commit's events with their chain links (xf_event; the link column since schema version 7). */
    void insertEvents(Connection c, CaseCommit commit, long commitVersion) throws SQLException {
        List<StoredEvent> events = commit.events();
        try (PreparedStatement ps = prepare(c, "INSERT INTO xf_event (case_id, sequence, commit_version, type,"
                + " schema_version, payload, recorded_at, chain_link) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                StoredEvent e = events.get(i);
                ps.setString(1, e.caseId());
                ps.setLong(2, e.sequence());
                ps.setLong(3, commitVersion);
                ps.setString(4, e.type());
                ps.setInt(5, e.schemaVersion());
                ps.setString(6, e.payload());
                ps.setBigDecimal(7, Instants.toDecimal(e.recordedAt()));
                ps.setString(8, commit.linkAt(i));
                if (events.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (events.size() > 1) ps.executeBatch();
        }
    }

    /** A commit's change, numbered later by the feed's reader. */
    static final String INSERT_CHANGE_SQL =
            "INSERT INTO xf_change_pending (case_id, version, first_sequence, last_sequence) VALUES (?, ?, ?, ?)";

    /** The child rows of a case's index row, deleted before its next commit writes them again. */
    private static final List<String> DELETE_CHILDREN_SQL = List.of("DELETE FROM xf_case_unit WHERE case_id = ?",
            "DELETE FROM xf_case_batch WHERE case_id = ?", "DELETE FROM xf_case_tag WHERE case_id = ?",
            "DELETE FROM xf_case_clock WHERE case_id = ?", "DELETE FROM xf_case_access WHERE case_id = ?");

    private void deleteChildren(Connection c, String caseId) throws SQLException {
        for (String sql : DELETE_CHILDREN_SQL) {
            try (PreparedStatement ps = prepare(c, sql)) {
                ps.setString(1, caseId);
                ps.executeUpdate();
            }
        }
    }

    /** Inserts the child rows of an index row: its units, batches, subject tags, clock dues and access parties. */
    private void insertChildRows(Connection c, IndexRow row) throws SQLException {
        insertChildren(c, "INSERT INTO xf_case_unit (case_id, unit_id) VALUES (?, ?)", row.caseId(), row.unitsInvolved());
        insertChildren(c, "INSERT INTO xf_case_batch (case_id, batch_id) VALUES (?, ?)", row.caseId(), row.batches());
        insertChildren(c, "INSERT INTO xf_case_tag (case_id, tag) VALUES (?, ?)", row.caseId(), row.subjectTags());
        insertClockDues(c, row.caseId(), row.clockDues());
        for (AccessKind k : AccessKind.values()) {
            insertChildren(c, "INSERT INTO xf_case_access (case_id, kind, party_id) VALUES (?, '" + k.code + "', ?)", row.caseId(),
                    k.column.apply(row));
        }
    }

    /** The access columns of an index row, each a kind of {@code xf_case_access} row (schema version 8). */
    enum AccessKind {
        UNIT('U', IndexRow::accessUnits, IndexRow.Builder::accessUnits),
        OFFICIAL('O', IndexRow::accessOfficials, IndexRow.Builder::accessOfficials),
        ACCUSED_UNIT('X', IndexRow::accusedUnits, IndexRow.Builder::accusedUnits),
        ACCUSED_OFFICIAL('Y', IndexRow::accusedOfficials, IndexRow.Builder::accusedOfficials);

        final char code;
        final java.util.function.Function<IndexRow, List<String>> column;
        final java.util.function.BiConsumer<IndexRow.Builder, List<String>> setter;

        AccessKind(char code, java.util.function.Function<IndexRow, List<String>> column,
                   java.util.function.BiConsumer<IndexRow.Builder, List<String>> setter) {
            this.code = code;
            this.column = column;
            this.setter = setter;
        }

        static AccessKind of(String code) {
            for (AccessKind k : values()) {
                if (code != null && code.length() == 1 && code.charAt(0) == k.code) return k;
            }
            throw new StoreException("an access row of an unknown kind: " + code);
        }
    }

    private void insertChildren(Connection c, String sql, String caseId, List<String> values) throws SQLException {
        if (values.isEmpty()) return;
        try (PreparedStatement ps = prepare(c, sql)) {
            for (String v : values) {
                ps.setString(1, caseId);
                ps.setString(2, v);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Inserts the clock rows of an index row ({@link IndexRow#clockDues()}), as one batch. */
    private void insertClockDues(Connection c, String caseId, List<ClockDue> dues) throws SQLException {
        if (dues.isEmpty()) return;
        try (PreparedStatement ps = prepare(c, "INSERT INTO xf_case_clock (case_id, clock, due_at) VALUES (?, ?, ?)")) {
            for (ClockDue d : dues) {
                ps.setString(1, caseId);
                ps.setString(2, d.clock());
                ps.setBigDecimal(3, Instants.toDecimal(d.dueAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** @return {version, last sequence} of the case as this connection sees it, {0, 0} if absent */
    private long[] readVersionAndSequence(Connection c, String caseId) throws SQLException {
        return firstRow(c, "SELECT version, last_sequence FROM xf_case WHERE case_id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, caseId).orElse(new long[] {0, 0});
    }

    private boolean keyRecorded(Connection c, String caseId, String key) throws SQLException {
        return firstRow(c, "SELECT 1 FROM xf_commit WHERE case_id = ? AND idempotency_key = ?", rs -> true, caseId, key)
                .isPresent();
    }

    /** The stored version of a case after a failed commit, for the conflict's message. */
    private long storedVersion(String caseId) {
        return reading("reading the version of case " + caseId + " after a conflict failed",
                c -> readVersionAndSequence(c, caseId)[0]);
    }

    private static void rollbackQuietly(Connection c, Savepoint savepoint, Throwable cause) {
        try {
            c.rollback(savepoint);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Unique or primary-key violation (see {@link Dialect#isUniqueViolation}). It is only ever asked of the two
     * statements that can break a unique key in a correct database (the new case's row, the commit's idempotency
     * record); DM reports 23000 here instead (see the README).
     */
    private boolean isUniqueViolation(SQLException e) {
        return dialect.isUniqueViolation(e);
    }

    // ----------------------------------------------------------------------------------------------- reads

    @Override
    public Optional<StoredCase> load(String caseId) {
        return load(caseId, false);
    }

    /** Rule S10: the case row's snapshot and the events after it (at least the last one, for the chain head). */
    @Override
    public Optional<StoredCase> loadFromSnapshot(String caseId) {
        return load(caseId, true);
    }

    /** @return true: a commit may omit the snapshot, and the case row keeps its latest one (rule S10) */
    @Override
    public boolean snapshotsOptional() {
        return true;
    }

    /**
     * The last event sequence a case row's snapshot holds (case rows {@code c}): the one of the commit record at the
     * snapshot's version, or null if that record is missing (rule S10; the snapshot repair reads it too).
     */
    static final String SNAPSHOT_END = "(SELECT m.last_sequence FROM xf_commit m"
            + " WHERE m.case_id = c.case_id AND m.version = c.snapshot_version)";

    /** A case row's head (case rows {@code c}): version, last sequence, the snapshot and {@link #SNAPSHOT_END}. */
    private static final String HEAD_COLUMNS = "c.version, c.last_sequence, c.snapshot_version, c.snapshot_schema_version,"
            + " c.snapshot_payload, " + SNAPSHOT_END;

    /** The case row's snapshot, read with the last event sequence it holds (none: every event is read). */
    private static final String LOAD_HEAD_SQL = "SELECT " + HEAD_COLUMNS + " FROM xf_case c WHERE c.case_id = ?";

    private Optional<StoredCase> load(String caseId, boolean fromSnapshot) {
        Objects.requireNonNull(caseId, "caseId");
        if (!storable(caseId)) return Optional.empty();
        return reading("load failed on case " + caseId, c -> {
            if (linkColumn(c)) return readCase(c, caseId, null, fromSnapshot).current();
            return loadInTwoStatements(c, caseId, fromSnapshot);
        });
    }

    /** A case on a database whose events have no chain links yet (schema version 6, its migration pending). */
    private Optional<StoredCase> loadInTwoStatements(Connection c, String caseId, boolean fromSnapshot) throws SQLException {
        Optional<CaseHead> head = firstRow(c, LOAD_HEAD_SQL, rs -> head(caseId, rs, 1), caseId);
        return head.isEmpty() ? Optional.empty() : Optional.of(withEvents(c, caseId, head.get(), fromSnapshot));
    }

    /**
     * Rule S11 in one statement ({@link #caseSql}): the case row with the commit that recorded the key, and, when
     * none did, the events after the case's snapshot, all read at one moment. When the key was recorded, a second
     * statement reads that commit's events.
     */
    @Override
    public CommandLookup loadForCommand(String caseId, String idempotencyKey) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (!storable(caseId)) return new CommandLookup(Optional.empty(), Optional.empty());
        if (!storable(idempotencyKey)) return new CommandLookup(Optional.empty(), loadFromSnapshot(caseId));
        return reading("load failed on case " + caseId, c -> linkColumn(c) ? readCase(c, caseId, idempotencyKey, true)
                : lookupInTwoStatements(c, caseId, idempotencyKey));
    }

    /**
     * A case in one statement ({@link #caseSql}): its row and its events (all, or from the snapshot on), or, when
     * {@code key} is given and was recorded, that key's commit (its events read by a second statement).
     */
    private CommandLookup readCase(Connection c, String caseId, String key, boolean fromSnapshot) throws SQLException {
        try (PreparedStatement ps = prepare(c, key == null ? (fromSnapshot ? LOAD_FROM_SNAPSHOT_SQL : LOAD_SQL) : LOOKUP_SQL)) {
            int p = 1;
            if (key != null) ps.setString(p++, key);
            ps.setString(p++, caseId);
            ps.setString(p++, caseId);
            if (key != null) ps.setString(p, key);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return new CommandLookup(Optional.empty(), Optional.empty());
                CaseHead head;
                CommitRecord recorded;
                try {
                    head = head(caseId, rs, 2);
                    recorded = commitRecord(rs, 8);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw damaged("the row " + (key == null ? "" : key + ", ") + caseId, e);
                }
                if (recorded != null) return applied(c, caseId, key, recorded);
                long from = fromSnapshot ? head.firstEventToRead() : 1;
                List<StoredEvent> events = new ArrayList<>((int) Math.max(0, Math.min(head.lastSequence() - from + 1, 10_000)));
                String chainHead = null;
                while (rs.next()) {
                    events.add(event(caseId, rs, 12));
                    chainHead = rs.getString(17);
                }
                return new CommandLookup(Optional.empty(), Optional.of(whole(caseId, head, from, events, chainHead)));
            }
        }
    }

    /** Rule S11 on a database whose events have no chain links yet (schema version 6, its migration pending). */
    private CommandLookup lookupInTwoStatements(Connection c, String caseId, String idempotencyKey) throws SQLException {
        CommitRecord[] recorded = new CommitRecord[1];
        Optional<CaseHead> head = firstRow(c, LOAD_FOR_COMMAND_SQL, rs -> {
            recorded[0] = commitRecord(rs, 7);
            return head(caseId, rs, 1);
        }, idempotencyKey, caseId);
        if (head.isEmpty()) return new CommandLookup(Optional.empty(), Optional.empty());
        if (recorded[0] != null) return applied(c, caseId, idempotencyKey, recorded[0]);
        return new CommandLookup(Optional.empty(), Optional.of(withEvents(c, caseId, head.get(), true)));
    }

    /** The lookup of a recorded key: its commit, with the commit's events. */
    private CommandLookup applied(Connection c, String caseId, String key, CommitRecord r) throws SQLException {
        return new CommandLookup(Optional.of(new AppliedCommand(caseId, key, r.digest(), r.version() - 1, r.version(),
                readEvents(tables, c, caseId, r.firstSequence(), r.lastSequence()))), Optional.empty());
    }

    /** A commit record read from four columns from {@code first} on (version, digest, event range), or null. */
    private static CommitRecord commitRecord(ResultSet rs, int first) throws SQLException {
        long version = rs.getLong(first);
        if (rs.wasNull()) return null;
        return new CommitRecord(version, rs.getString(first + 1), rs.getLong(first + 2), rs.getLong(first + 3));
    }

    /** {@link #LOAD_HEAD_SQL} joined to the commit that recorded a key. Parameters: the key, the case id. */
    private static final String LOAD_FOR_COMMAND_SQL = "SELECT " + HEAD_COLUMNS + ", k.version, k.command_digest,"
            + " k.first_sequence, k.last_sequence FROM xf_case c LEFT JOIN xf_commit k ON k.case_id = c.case_id"
            + " AND k.idempotency_key = ? WHERE c.case_id = ?";

    /**
     * A case as one statement: the head row (column 1 is 0: the head in columns 2 to 7; with a key, the key's commit
     * record in 8 to 11), then, unless the key was recorded, one row per event (column 1 is 1: the event in 12 to 16,
     * its chain link in 17), all of them or from the snapshot on, bounded by the same case row's last sequence.
     * Parameters: [the key,] the case id, the case id[, the key].
     */
    private static String caseSql(boolean withKey, boolean fromSnapshot) {
        return "SELECT 0, " + HEAD_COLUMNS + (withKey ? ", k.version, k.command_digest, k.first_sequence, k.last_sequence"
                : ", NULL, NULL, NULL, NULL") + ", NULL, NULL, NULL, NULL, NULL, NULL FROM xf_case c"
                + (withKey ? " LEFT JOIN xf_commit k ON k.case_id = c.case_id AND k.idempotency_key = ?" : "")
                + " WHERE c.case_id = ? UNION ALL SELECT 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                + EVENT_COLUMNS + ", e.chain_link FROM xf_case c JOIN xf_event e ON e.case_id = c.case_id WHERE c.case_id = ?"
                + (withKey ? " AND NOT EXISTS (SELECT 1 FROM xf_commit k WHERE k.case_id = c.case_id AND k.idempotency_key = ?)"
                : "")
                + (fromSnapshot ? " AND e.sequence >= CASE WHEN COALESCE(" + SNAPSHOT_END + ", 0) < c.last_sequence"
                + " THEN COALESCE(" + SNAPSHOT_END + ", 0) + 1 ELSE c.last_sequence END" : "")
                + " AND e.sequence <= c.last_sequence ORDER BY 1, 12";
    }

    /** Rule S11: the case from its snapshot on, or the key's commit. */
    private static final String LOOKUP_SQL = caseSql(true, true);
    /** A case from its snapshot on (rule S10). */
    private static final String LOAD_FROM_SNAPSHOT_SQL = caseSql(false, true);
    /** A case with every event. */
    private static final String LOAD_SQL = caseSql(false, false);

    /** The case row's head as {@link #HEAD_COLUMNS} reads it, in six columns from {@code first} on. */
    private static CaseHead head(String caseId, ResultSet rs, int first) throws SQLException {
        return new CaseHead(rs.getLong(first), rs.getLong(first + 1), new StoredSnapshot(caseId, rs.getLong(first + 2),
                rs.getInt(first + 3), rs.getString(first + 4)), rs.getLong(first + 5));
    }

    /** The case of a head, with every event or (from the snapshot) the events after the snapshot and the last one. */
    private StoredCase withEvents(Connection c, String caseId, CaseHead head, boolean fromSnapshot) throws SQLException {
        // Events never change once written: bounding by the case row's last sequence gives the history of
        // exactly that version, whatever commits since. A snapshot commit's end of 0 (no record) reads every event.
        long from = fromSnapshot ? head.firstEventToRead() : 1;
        String[] chainHead = new String[1];
        List<StoredEvent> events = readEvents(tables, c, caseId, from, head.lastSequence(), linkColumn(c) ? chainHead : null);
        return storedCase(caseId, head, events, chainHead[0]);
    }

    /** @throws StoreException naming the case if its rows make no stored case (a damaged row) */
    private static StoredCase storedCase(String caseId, CaseHead head, List<StoredEvent> events, String chainHead) {
        try {
            return new StoredCase(caseId, head.version(), head.snapshot(), events, chainHead);
        } catch (IllegalArgumentException | NullPointerException damage) {
            throw damaged("case " + caseId, damage);
        }
    }

    /** Whether {@code xf_event} has been seen to have the link column of schema version 7. */
    private volatile boolean linkColumnSeen;

    /**
     * Whether {@code xf_event} has the link column of schema version 7: a load reads a database of an older version too
     * (with no chain head), as while its migration is pending; commits need the current version. Once seen, remembered.
     */
    private boolean linkColumn(Connection c) throws SQLException {
        return linkColumnSeen || (linkColumnSeen = present(c, "xf_event", "chain_link"));
    }

    /** @return whether the connection's metadata shows the table (or its column, if column is not null) in the schema */
    private boolean present(Connection c, String table, String column) throws SQLException {
        String[] scope = dialect.metadataScope(c, tables.schema());
        try (ResultSet rs = column == null
                ? c.getMetaData().getTables(scope[0], scope[1], dialect.fold(table), new String[] {"TABLE"})
                : c.getMetaData().getColumns(scope[0], scope[1], dialect.fold(table), dialect.fold(column))) {
            return rs.next();
        }
    }

    /** This store keeps the event chain (rule S9): each event's link in {@code xf_event.chain_link}. */
    @Override
    public boolean keepsEventChain() {
        return true;
    }

    @Override
    public List<ChainedEvent> chainedEventsAfter(String caseId, long sequence, int limit) {
        ChainedEvent.checkPosition(caseId, sequence, limit);
        return casePositionPage("reading the event chain after case " + caseId + " failed", CHAINED_EVENTS
                + " WHERE " + afterPosition("e."),
                null, caseId, sequence, limit, JdbcCaseStore::chainedEvent);
    }

    /** Every event with its commit's key and its link, in the columns {@link #chainedEvent} reads. */
    private static final String CHAINED_EVENTS = "SELECT e.case_id, " + EVENT_COLUMNS + ", k.idempotency_key, e.chain_link"
            + " FROM xf_event e JOIN xf_commit k ON k.case_id = e.case_id AND k.version = e.commit_version";

    /**
     * The keyset predicate and order of a walk in (case id, sequence) order after a position, then the limit.
     *
     * @param alias the table's alias with its dot, or ""
     */
    private static String afterPosition(String alias) {
        return "(" + alias + "case_id > ? OR (" + alias + "case_id = ? AND " + alias + "sequence > ?)) ORDER BY " + alias + "case_id, "
                + alias + "sequence LIMIT ?";
    }

    /**
     * A page of a walk in (case id, sequence) order whose query ends with {@link #afterPosition}, after an optional
     * leading string parameter.
     */
    private <T> List<T> casePositionPage(String failure, String sql, String leading, String caseId, long sequence, int limit,
                                         RowReader<T> read) {
        return reading(failure, c -> {
            try (PreparedStatement ps = prepare(c, sql)) {
                int i = 1;
                if (leading != null) ps.setString(i++, leading);
                ps.setString(i++, caseId);
                ps.setString(i++, caseId);
                ps.setLong(i++, sequence);
                ps.setInt(i, limit);
                ps.setFetchSize(Math.min(limit, 1_000));
                List<T> page = new ArrayList<>(Math.min(limit, 1_000));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) page.add(read.read(rs));
                }
                return page;
            }
        });
    }

    /**
     * A row of the chain walk ({@code case_id}, the event columns, the commit's key, the link): a row that does not make
     * an event (a blank type or link, a sequence below 1, a null column) is a damaged store, named by case and sequence.
     */
    private static ChainedEvent chainedEvent(ResultSet rs) throws SQLException {
        String caseId = rs.getString(1);
        try {
            return new ChainedEvent(event(caseId, rs, 2), rs.getString(7), rs.getString(8));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw damaged("case " + caseId + " event " + rs.getLong(2), e);
        }
    }

    /**
     * Links every history stored without links (events written before schema version 7, and those a service wrote on
     * top of them): each such case's links are computed from its first event with the chain given and written in
     * {@code xf_event.chain_link}, one case per transaction under its row lock. The events themselves are not touched.
     * Run it once after migrating to version 7, while the store takes no commits, and before the first checkpoint.
     * Running it again links nothing.
     *
     * @param chain the chain the case service computes ({@code CaseService.Builder.eventChain}; SHA-256 by default)
     * @return the ids of the cases linked, in {@link String#compareTo} order
     * @throws NullPointerException if chain is null
     * @throws StoreException on an infrastructure failure (the cases linked before it stay linked)
     * @since 0.7
     */
    public List<String> linkHistories(EventChain chain) {
        Objects.requireNonNull(chain, "chain");
        List<String> unlinked = reading("finding unlinked histories failed", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, "SELECT DISTINCT case_id FROM xf_event WHERE chain_link IS NULL ORDER BY case_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            return ids;
        });
        for (String caseId : unlinked) {
            writing("linking the history of case " + caseId + " failed", "link of case " + caseId,
                    (c, own) -> linkHistory(c, caseId, chain), done -> true, done -> true, Boolean.FALSE);
        }
        return unlinked;
    }

    private Boolean linkHistory(Connection c, String caseId, EventChain chain) throws SQLException {
        try (PreparedStatement lock = prepare(c, "UPDATE xf_case SET version = version WHERE case_id = ?")) {
            lock.setString(1, caseId);
            lock.executeUpdate();
        }
        List<ChainedEvent> history = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, CHAINED_EVENTS + " WHERE e.case_id = ? ORDER BY e.sequence")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) history.add(chainedEvent(rs));
            }
        }
        try (PreparedStatement ps = prepare(c, "UPDATE xf_event SET chain_link = ? WHERE case_id = ? AND sequence = ?")) {
            String previous = null;
            int updates = 0;
            long expected = 1;
            for (ChainedEvent e : history) {
                if (e.event().sequence() != expected++) {
                    throw new StoreException("case " + caseId + " misses event " + (expected - 1) + ": its history cannot be linked");
                }
                previous = chain.link(previous, e.event(), e.idempotencyKey());
                if (previous.equals(e.link())) continue;
                ps.setString(1, previous);
                ps.setString(2, caseId);
                ps.setLong(3, e.event().sequence());
                ps.addBatch();
                updates++;
            }
            if (updates > 0) ps.executeBatch();
        }
        return Boolean.TRUE;
    }

    @Override
    public Optional<AppliedCommand> findApplied(String caseId, String idempotencyKey) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (!storable(caseId) || !storable(idempotencyKey)) return Optional.empty();
        return reading("idempotency lookup failed on case " + caseId, c -> {
            Optional<CommitRecord> commit = firstRow(c, "SELECT version, command_digest, first_sequence, last_sequence"
                    + " FROM xf_commit WHERE case_id = ? AND idempotency_key = ?",
                    rs -> new CommitRecord(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                    caseId, idempotencyKey);
            if (commit.isEmpty()) return Optional.empty();
            CommitRecord r = commit.get();
            return Optional.of(new AppliedCommand(caseId, idempotencyKey, r.digest(), r.version() - 1, r.version(),
                    readEvents(tables, c, caseId, r.firstSequence(), r.lastSequence())));
        });
    }

    /**
     * Reads the events {@code from .. to} of a case, in sequence order.
     *
     * @throws StoreException if one of them is missing
     */
    static List<StoredEvent> readEvents(Tables tables, Connection c, String caseId, long from, long to) throws SQLException {
        return readEvents(tables, c, caseId, from, to, null);
    }

    /**
     * Reads the events {@code from .. to} of a case, in sequence order, and, when {@code lastLink} is given, the chain
     * link of the last one into its first element (schema version 7).
     *
     * @throws StoreException if one of them is missing
     */
    static List<StoredEvent> readEvents(Tables tables, Connection c, String caseId, long from, long to, String[] lastLink)
            throws SQLException {
        try (PreparedStatement ps = tables.prepare(c, "SELECT " + EVENT_COLUMNS + (lastLink == null ? "" : ", e.chain_link")
                + " FROM xf_event e WHERE e.case_id = ? AND e.sequence >= ? AND e.sequence <= ? ORDER BY e.sequence")) {
            ps.setString(1, caseId);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setFetchSize(1000);
            List<StoredEvent> events = new ArrayList<>((int) Math.min(Math.max(to - from + 1, 0), 10_000));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(event(caseId, rs, 1));
                    if (lastLink != null) lastLink[0] = rs.getString(6);
                }
            }
            if (events.size() != to - from + 1) {
                throw new StoreException("case " + caseId + " misses events between sequences " + from + " and " + to);
            }
            return events;
        }
    }

    /** @throws StoreException naming the case and the event if the row makes no event (a damaged row) */
    private static StoredEvent event(String caseId, ResultSet rs, int first) throws SQLException {
        long sequence = rs.getLong(first);
        try {
            return new StoredEvent(caseId, sequence, rs.getString(first + 1), rs.getInt(first + 2), rs.getString(first + 3),
                    Instants.fromDecimal(rs.getBigDecimal(first + 4)));
        } catch (IllegalArgumentException | NullPointerException | StoreException e) {
            throw damaged("case " + caseId + " event " + sequence, e);
        }
    }

    @Override
    public Optional<IndexRow> indexRow(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        if (!storable(caseId)) return Optional.empty();
        return inReadTransaction("index row read failed on case " + caseId, c -> {
            Optional<IndexRow.Builder> row = firstRow(c, "SELECT " + CASE_COLUMNS + " FROM xf_case c WHERE c.case_id = ?",
                    JdbcCaseStore::indexRowBuilder, caseId);
            if (row.isEmpty()) return Optional.empty();
            Map<String, IndexRow.Builder> rows = new LinkedHashMap<>();
            rows.put(caseId, row.get());
            return Optional.of(withChildren(c, rows).get(0));
        });
    }

    @Override
    public List<IndexRow> needingAttention(AttentionQuery query) {
        return needingAttention(query, AccessScope.everything());
    }

    @Override
    public List<IndexRow> needingAttention(AttentionQuery query, AccessScope access) {
        Objects.requireNonNull(query, "query");
        ScopeSql scope = ScopeSql.of(Objects.requireNonNull(access, "access"), JdbcCaseStore::storable);
        if (!storable(query.regionPrefix()) || !storable(query.unitInvolved())) return List.of();
        StringBuilder sql = new StringBuilder("SELECT ").append(CASE_COLUMNS).append(" FROM xf_case c")
                .append(" WHERE c.next_attention_at IS NOT NULL AND c.next_attention_at < ?");
        if (query.afterAt() != null) {
            // Keyset position, written portably; the first conjunct bounds the index range scan.
            sql.append(" AND c.next_attention_at >= ? AND (c.next_attention_at > ? OR (c.next_attention_at = ? AND c.case_id > ?))");
        }
        if (query.regionPrefix() != null) sql.append(" AND c.region_code LIKE ?");
        if (query.unitInvolved() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM xf_case_unit u WHERE u.case_id = c.case_id AND u.unit_id = ?)");
        }
        sql.append(scope.condition()).append(" ORDER BY c.next_attention_at, c.case_id LIMIT ?");
        return rowsSelected("attention query failed", sql.toString(), ps -> {
            int i = 1;
            ps.setBigDecimal(i++, Instants.toDecimal(query.before()));
            if (query.afterAt() != null) {
                ps.setBigDecimal(i++, Instants.toDecimal(query.afterAt()));
                ps.setBigDecimal(i++, Instants.toDecimal(query.afterAt()));
                ps.setBigDecimal(i++, Instants.toDecimal(query.afterAt()));
                ps.setString(i++, query.afterCaseId());
            }
            if (query.regionPrefix() != null) ps.setString(i++, query.regionPrefix() + "%");   // digits only: no escaping
            if (query.unitInvolved() != null) ps.setString(i++, query.unitInvolved());
            i = scope.bind(ps, i);
            ps.setInt(i, query.limit());
        });
    }

    /** Parameters to set on a prepared statement. */
    private interface Parameters {
        void set(PreparedStatement ps) throws SQLException;
    }

    /**
     * The index rows a statement selects (case id first, then the case row's index columns), in its order, with their
     * child columns, in one read-only snapshot.
     */
    private List<IndexRow> rowsSelected(String failure, String sql, Parameters parameters) {
        return inReadTransaction(failure, c -> {
            Map<String, IndexRow.Builder> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = prepare(c, sql)) {
                parameters.set(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            rows.put(rs.getString(1), indexRowBuilder(rs));
                        } catch (IllegalArgumentException | NullPointerException e) {
                            throw damaged("the index row of case " + rs.getString(1), e);
                        }
                    }
                }
            }
            return withChildren(c, rows);
        });
    }

    /** Reads the {@link #CASE_COLUMNS} of a result row. */
    private static IndexRow.Builder indexRowBuilder(ResultSet rs) throws SQLException {
        return IndexColumn.readAll(rs, 3, IndexRow.builder(rs.getString(1)).version(rs.getLong(2)));
    }

    /**
     * Reads the units, batches and clock dues of the rows (in the caller's transaction) and builds the rows, in order:
     * one statement per child table for up to {@link #IN_LIST_LIMIT} rows, whatever the page size (never one per row).
     */
    private List<IndexRow> withChildren(Connection c, Map<String, IndexRow.Builder> rows) throws SQLException {
        if (rows.isEmpty()) return List.of();
        Map<String, List<String>> units = children(c, "SELECT case_id, unit_id FROM xf_case_unit WHERE case_id IN ", rows);
        Map<String, List<String>> batches = children(c, "SELECT case_id, batch_id FROM xf_case_batch WHERE case_id IN ", rows);
        Map<String, List<String>> tags = children(c, "SELECT case_id, tag FROM xf_case_tag WHERE case_id IN ", rows);
        Map<String, List<ClockDue>> clocks = clockDues(c, rows);
        Map<String, List<String>> access = accessTable(c)
                ? children(c, "SELECT case_id, kind, party_id FROM xf_case_access WHERE case_id IN ", rows) : Map.of();
        List<IndexRow> built = new ArrayList<>(rows.size());
        for (Map.Entry<String, IndexRow.Builder> e : rows.entrySet()) {
            try {
                IndexRow.Builder row = e.getValue()
                        .unitsInvolved(units.getOrDefault(e.getKey(), List.of()))
                        .batches(batches.getOrDefault(e.getKey(), List.of()))
                        .subjectTags(tags.getOrDefault(e.getKey(), List.of()))
                        .clockDues(clocks.getOrDefault(e.getKey(), List.of()));
                Map<AccessKind, List<String>> parties = new java.util.EnumMap<>(AccessKind.class);
                List<String> pairs = access.getOrDefault(e.getKey(), List.of());
                for (int i = 0; i < pairs.size(); i += 2) {
                    parties.computeIfAbsent(AccessKind.of(pairs.get(i)), k -> new ArrayList<>()).add(pairs.get(i + 1));
                }
                parties.forEach((kind, ids) -> kind.setter.accept(row, ids));
                built.add(row.build());
            } catch (IllegalArgumentException | NullPointerException damage) {
                throw damaged("the index row of case " + e.getKey(), damage);
            }
        }
        return built;
    }

    /** Whether {@code xf_case_access} (schema version 8) has been seen. */
    private volatile boolean accessTableSeen;

    /**
     * Whether {@code xf_case_access} exists: rows of a database of an older version are read without access columns (as
     * while its migration is pending); commits and scoped queries need the current version. Once seen, remembered.
     */
    private boolean accessTable(Connection c) throws SQLException {
        return accessTableSeen || (accessTableSeen = present(c, "xf_case_access", null));
    }

    /** The clock rows of the rows' cases, by case id, in {@link #IN_LIST_LIMIT}-sized IN lists. */
    private Map<String, List<ClockDue>> clockDues(Connection c, Map<String, ?> rows) throws SQLException {
        Map<String, List<ClockDue>> dues = new HashMap<>();
        List<String> ids = new ArrayList<>(rows.keySet());
        for (int from = 0; from < ids.size(); from += IN_LIST_LIMIT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_LIMIT));
            StringBuilder sql = new StringBuilder("SELECT case_id, clock, due_at FROM xf_case_clock WHERE case_id IN (");
            for (int i = 0; i < chunk.size(); i++) sql.append(i == 0 ? "?" : ", ?");
            sql.append(')');
            try (PreparedStatement ps = prepare(c, sql.toString())) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            dues.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(new ClockDue(rs.getString(2), Instants.fromDecimal(rs.getBigDecimal(3))));
                        } catch (IllegalArgumentException | NullPointerException | StoreException damage) {
                            throw damaged("a clock row of case " + rs.getString(1), damage);
                        }
                    }
                }
            }
        }
        return dues;
    }

    private Map<String, List<String>> children(Connection c, String sqlPrefix, Map<String, ?> rows) throws SQLException {
        Map<String, List<String>> children = new HashMap<>();
        List<String> ids = new ArrayList<>(rows.keySet());
        for (int from = 0; from < ids.size(); from += IN_LIST_LIMIT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_LIMIT));
            StringBuilder sql = new StringBuilder(sqlPrefix).append('(');
            for (int i = 0; i < chunk.size(); i++) sql.append(i == 0 ? "?" : ", ?");
            sql.append(')');
            try (PreparedStatement ps = prepare(c, sql.toString())) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> values = children.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                        for (int i = 2; i <= columns; i++) values.add(rs.getString(i));
                    }
                }
            }
        }
        return children;
    }

    // ---------------------------------------------------------------------------------- resolution queries

    /** The listings of {@link ResolutionQuery}, each over its index: the SQL of one keyset page. */
    enum Listing {
        /** Index {@code xf_case_by_leader (active_leader, case_id)}. */
        LEADER("SELECT " + CASE_COLUMNS + " FROM xf_case c WHERE c.active_leader = ?", "c.case_id"),
        /** Index {@code xf_case_by_lead_unit (lead_unit, case_id)}. */
        LEAD_UNIT("SELECT " + CASE_COLUMNS + " FROM xf_case c WHERE c.lead_unit = ?", "c.case_id"),
        /** Index {@code xf_case_batch_by_batch (batch_id, case_id)} of the child table, then the case rows by key. */
        BATCH("SELECT " + CASE_COLUMNS + " FROM xf_case_batch b JOIN xf_case c ON c.case_id = b.case_id"
                + " WHERE b.batch_id = ?", "b.case_id");

        private final String select;
        private final String caseId;

        Listing(String select, String caseId) {
            this.select = select;
            this.caseId = caseId;
        }

        /** @return the page's statement: key, then (if {@code keyset}) the case id to start after, then the limit */
        String sql(boolean keyset) {
            return sql(keyset, "");
        }

        /**
         * @return the page's statement with an access scope's condition: key, (case id to start after), the scope's
         *         parameters, the limit
         */
        String sql(boolean keyset, String scope) {
            return select + (keyset ? " AND " + caseId + " > ?" : "") + scope + " ORDER BY " + caseId + " LIMIT ?";
        }
    }

    /**
     * A leader's workload in one statement over {@code xf_case_leader_due (active_leader, earliest_due_at)}: one
     * range of the index, both counts from one snapshot. Parameters: asOf, leader.
     */
    static final String WORKLOAD_SQL = "SELECT COUNT(*), COUNT(CASE WHEN c.earliest_due_at <= ? THEN 1 END)"
            + " FROM xf_case c WHERE c.active_leader = ?";

    @Override
    public List<IndexRow> byActiveLeader(String leader, String afterCaseId, int limit) {
        return byActiveLeader(leader, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<IndexRow> byActiveLeader(String leader, String afterCaseId, int limit, AccessScope access) {
        return listing(Listing.LEADER, Objects.requireNonNull(leader, "leader"), afterCaseId, limit, access);
    }

    @Override
    public List<IndexRow> byLeadUnit(String unit, String afterCaseId, int limit) {
        return byLeadUnit(unit, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<IndexRow> byLeadUnit(String unit, String afterCaseId, int limit, AccessScope access) {
        return listing(Listing.LEAD_UNIT, Objects.requireNonNull(unit, "unit"), afterCaseId, limit, access);
    }

    @Override
    public List<IndexRow> byBatch(String batch, String afterCaseId, int limit) {
        return byBatch(batch, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<IndexRow> byBatch(String batch, String afterCaseId, int limit, AccessScope access) {
        return listing(Listing.BATCH, Objects.requireNonNull(batch, "batch"), afterCaseId, limit, access);
    }

    /** One keyset page (never OFFSET) and its rows' child columns, in one read-only snapshot. */
    private List<IndexRow> listing(Listing listing, String key, String afterCaseId, int limit, AccessScope access) {
        ScopeSql scope = ScopeSql.of(Objects.requireNonNull(access, "access"), JdbcCaseStore::storable);
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        if (!storable(key)) return List.of();
        String sql = listing.sql(afterCaseId != null, scope.condition());
        return rowsSelected("resolution listing " + listing + " failed", sql, ps -> {
            int i = 1;
            ps.setString(i++, key);
            if (afterCaseId != null) ps.setString(i++, afterCaseId);
            i = scope.bind(ps, i);
            ps.setInt(i, limit);
        });
    }

    @Override
    public LeaderWorkload workload(String leader, Instant asOf) {
        return workload(leader, asOf, AccessScope.everything());
    }

    @Override
    public LeaderWorkload workload(String leader, Instant asOf, AccessScope access) {
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(asOf, "asOf");
        ScopeSql scope = ScopeSql.of(Objects.requireNonNull(access, "access"), JdbcCaseStore::storable);
        if (!storable(leader)) return new LeaderWorkload(leader, asOf, 0, 0);
        return reading("workload count failed for leader " + leader, c -> {
            try (PreparedStatement ps = prepare(c, WORKLOAD_SQL + scope.condition())) {
                ps.setBigDecimal(1, Instants.toDecimal(asOf));
                ps.setString(2, leader);
                scope.bind(ps, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreException("the workload count of leader " + leader + " returned no row");
                    return new LeaderWorkload(leader, asOf, rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    // ---------------------------------------------------------------------------------- overdue queries

    /**
     * The overdue condition of rule O1: a clock row of the case due at or before {@code asOf}, over the clock table's
     * primary key (case_id, clock). One parameter: asOf.
     */
    private static final String LATE_CLOCK = "EXISTS (SELECT 1 FROM xf_case_clock k WHERE k.case_id = c.case_id AND k.due_at <= ?)";

    /**
     * The scope condition of rule O2 over {@code xf_case c}, with one parameter, over its index: {@code xf_case_by_handling_unit},
     * {@code xf_case_by_region} (a prefix {@code LIKE}; digits only, nothing to escape) or {@code xf_case_by_leader}.
     */
    private static String scopeCondition(OverdueScope scope) {
        if (scope instanceof OverdueScope.HandlingUnit) return "c.handling_unit = ?";
        if (scope instanceof OverdueScope.RegionPrefix) return "c.region_code LIKE ?";
        if (scope instanceof OverdueScope.ActiveLeader) return "c.active_leader = ?";
        throw new AssertionError("unknown overdue scope " + scope.getClass().getName());
    }

    private static String scopeParameter(OverdueScope scope) {
        if (scope instanceof OverdueScope.HandlingUnit u) return u.unit();
        if (scope instanceof OverdueScope.RegionPrefix p) return p.prefix() + "%";
        if (scope instanceof OverdueScope.ActiveLeader l) return l.leader();
        throw new AssertionError("unknown overdue scope " + scope.getClass().getName());
    }

    /**
     * The SQL of one overdue page: the scope's index range after the keyset position, each case tested for a late clock
     * by key, ordered by case id. Parameters: scope, (case id to start after), asOf, limit.
     */
    static String overdueSql(OverdueScope scope, boolean keyset) {
        return overdueSql(scope, keyset, "");
    }

    /** {@link #overdueSql(OverdueScope, boolean)} with an access scope's condition, whose parameters follow asOf. */
    static String overdueSql(OverdueScope scope, boolean keyset, String access) {
        return "SELECT " + CASE_COLUMNS + " FROM xf_case c WHERE " + scopeCondition(scope)
                + (keyset ? " AND c.case_id > ?" : "") + " AND " + LATE_CLOCK + access + " ORDER BY c.case_id LIMIT ?";
    }

    /** The SQL of an overdue count. Parameters: scope, asOf. */
    static String countOverdueSql(OverdueScope scope) {
        return countOverdueSql(scope, "");
    }

    /** {@link #countOverdueSql(OverdueScope)} with an access scope's condition, whose parameters follow asOf. */
    static String countOverdueSql(OverdueScope scope, String access) {
        return "SELECT COUNT(*) FROM xf_case c WHERE " + scopeCondition(scope) + " AND " + LATE_CLOCK + access;
    }

    /** One keyset page (never OFFSET) and its rows' child columns, in one read-only snapshot: four statements. */
    @Override
    public List<IndexRow> overdue(OverdueScope scope, Instant asOf, String afterCaseId, int limit) {
        return overdue(scope, asOf, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<IndexRow> overdue(OverdueScope scope, Instant asOf, String afterCaseId, int limit, AccessScope access) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asOf, "asOf");
        ScopeSql accessSql = ScopeSql.of(Objects.requireNonNull(access, "access"), JdbcCaseStore::storable);
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        String key = scopeParameter(scope);
        if (!storable(key)) return List.of();
        String sql = overdueSql(scope, afterCaseId != null, accessSql.condition());
        return rowsSelected("overdue query failed for " + scope, sql, ps -> {
            int i = 1;
            ps.setString(i++, key);
            if (afterCaseId != null) ps.setString(i++, afterCaseId);
            ps.setBigDecimal(i++, Instants.toDecimal(asOf));
            i = accessSql.bind(ps, i);
            ps.setInt(i, limit);
        });
    }

    @Override
    public long countOverdue(OverdueScope scope, Instant asOf) {
        return countOverdue(scope, asOf, AccessScope.everything());
    }

    @Override
    public long countOverdue(OverdueScope scope, Instant asOf, AccessScope access) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asOf, "asOf");
        ScopeSql accessSql = ScopeSql.of(Objects.requireNonNull(access, "access"), JdbcCaseStore::storable);
        String key = scopeParameter(scope);
        if (!storable(key)) return 0;
        return reading("overdue count failed for " + scope, c -> {
            try (PreparedStatement ps = prepare(c, countOverdueSql(scope, accessSql.condition()))) {
                ps.setString(1, key);
                ps.setBigDecimal(2, Instants.toDecimal(asOf));
                accessSql.bind(ps, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreException("the overdue count for " + scope + " returned no row");
                    return rs.getLong(1);
                }
            }
        });
    }

    // ----------------------------------------------------------------------------------------- change feed

    @Override
    public List<Change> changesAfter(long position, int limit) {
        if (position < 0) throw new IllegalArgumentException("position must not be negative");
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        // Positions are handed out gap-free, in one transaction at a time (the counter's lock), so after the pending
        // commits are numbered the next `limit` changes are exactly the positions in (position, position + limit].
        long upTo = position > Long.MAX_VALUE - limit ? Long.MAX_VALUE : position + limit;
        numberPendingChanges(upTo);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = prepare(c, "SELECT ch.position, ch.case_id, ch.version, " + EVENT_COLUMNS
                     + " FROM xf_change ch JOIN xf_event e ON e.case_id = ch.case_id"
                     + " AND e.sequence >= ch.first_sequence AND e.sequence <= ch.last_sequence"
                     + " WHERE ch.position > ? AND ch.position <= ? ORDER BY ch.position, e.sequence")) {
            ps.setLong(1, position);
            ps.setLong(2, upTo);
            ps.setFetchSize(1000);
            List<Change> changes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                long current = -1;
                String caseId = null;
                long version = 0;
                List<StoredEvent> events = new ArrayList<>();
                while (rs.next()) {
                    long p = rs.getLong(1);
                    if (p != current) {
                        if (current != -1) changes.add(new Change(current, caseId, version, events));
                        current = p;
                        caseId = rs.getString(2);
                        version = rs.getLong(3);
                        events = new ArrayList<>();
                    }
                    events.add(event(caseId, rs, 4));
                }
                if (current != -1) changes.add(new Change(current, caseId, version, events));
            }
            for (int i = 0; i < changes.size(); i++) {
                if (changes.get(i).position() != position + 1 + i) {
                    throw new StoreException("change feed has a gap before position " + changes.get(i).position());
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new StoreException("change feed read failed after position " + position, e);
        }
    }

    /**
     * The feed's head: the position of the newest change, what {@link #changesAfter} would hand out last if asked for
     * everything. Like {@code changesAfter}, it first numbers the committed changes not yet numbered (in short
     * transactions of the store's own, never the caller's), then reads the feed counter on a connection of its own. A
     * follower at position {@code p} lags {@code feedHead() - p} changes behind (as of the call: commits go on). Not part
     * of the {@link ChangeFeed} port; for monitoring.
     *
     * @return the position of the newest change, 0 when the feed is empty
     * @throws StoreException on an infrastructure failure
     * @since 0.4
     */
    public long feedHead() {
        numberPendingChanges(Long.MAX_VALUE);
        return onOwnConnection("reading the change feed's head failed", c -> {
            try (PreparedStatement ps = prepare(c, "SELECT last_position FROM xf_feed_counter WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new StoreException("the feed counter row xf_feed_counter(id = 1) is missing");
                return rs.getLong(1);
            }
        });
    }

    /** How many pending changes one numbering transaction takes. */
    private static final int NUMBERING_BATCH = 500;

    /**
     * Numbers committed changes waiting in {@code xf_change_pending}, in id order, until none is left or the feed
     * reaches {@code upTo}: each batch in a short transaction of the store's own (never the caller's), holding the feed
     * counter's lock only while it moves the batch to {@code xf_change}. A batch that finds nothing left changes nothing.
     */
    private void numberPendingChanges(long upTo) {
        while (true) {
            boolean pending = retryingTransient("looking for unnumbered changes failed", "looking for unnumbered changes", () -> {
                try (Connection c = dataSource.getConnection();
                     PreparedStatement ps = prepare(c, "SELECT id FROM xf_change_pending ORDER BY id LIMIT 1");
                     ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            });
            if (!pending) return;
            long[] numbered = retryingTransient("numbering changes failed", "numbering changes", () -> {
                try (Connection c = dataSource.getConnection()) {
                    return inTransaction(c, Connection.TRANSACTION_READ_COMMITTED, this::numberBatch, r -> true);
                }
            });
            if (numbered[0] < NUMBERING_BATCH || numbered[1] >= upTo) return;
        }
    }

    /** @return {how many changes were numbered, the feed's last position after} */
    private long[] numberBatch(Connection c) throws SQLException {
        long last;
        try (PreparedStatement ps = prepare(c, "SELECT last_position FROM xf_feed_counter WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new StoreException("the feed counter row xf_feed_counter(id = 1) is missing");
            last = rs.getLong(1);
        }
        List<long[]> rows = new ArrayList<>();
        List<String> caseIds = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, "SELECT id, case_id, version, first_sequence, last_sequence"
                + " FROM xf_change_pending ORDER BY id LIMIT ?")) {
            ps.setInt(1, NUMBERING_BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new long[] {rs.getLong(1), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                    caseIds.add(rs.getString(2));
                }
            }
        }
        if (rows.isEmpty()) return new long[] {0, last};
        try (PreparedStatement insert = prepare(c, "INSERT INTO xf_change (position, case_id, version, first_sequence,"
                + " last_sequence) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement delete = prepare(c, "DELETE FROM xf_change_pending WHERE id = ?")) {
            for (int i = 0; i < rows.size(); i++) {
                long[] row = rows.get(i);
                insert.setLong(1, last + 1 + i);
                insert.setString(2, caseIds.get(i));
                insert.setLong(3, row[1]);
                insert.setLong(4, row[2]);
                insert.setLong(5, row[3]);
                insert.addBatch();
                delete.setLong(1, row[0]);
                delete.addBatch();
            }
            insert.executeBatch();
            delete.executeBatch();
        }
        last += rows.size();
        try (PreparedStatement ps = prepare(c, "UPDATE xf_feed_counter SET last_position = ? WHERE id = 1")) {
            ps.setLong(1, last);
            ps.executeUpdate();
        }
        return new long[] {rows.size(), last};
    }

    // ----------------------------------------------------------------------------------------- work claims

    @Override
    public List<Claim> claimDue(Instant dueBefore, Instant now, Duration lease, String owner, int limit) {
        Objects.requireNonNull(dueBefore, "dueBefore");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(owner, "owner");
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive");
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        Instant until = now.plus(lease);
        String select = "SELECT c.case_id FROM xf_case c JOIN xf_claim l ON l.case_id = c.case_id"
                + " WHERE c.next_attention_at IS NOT NULL AND c.next_attention_at < ?"
                + " AND (l.leased_until IS NULL OR l.leased_until <= ?)"
                + " ORDER BY c.next_attention_at, c.case_id LIMIT ?" + dialect.claimLockClause();
        return retryingTransient("claiming due work failed for owner " + owner, "claiming due work failed", () -> {
            try (Connection c = dataSource.getConnection()) {
                return inTransaction(c, Connection.TRANSACTION_READ_COMMITTED,
                        x -> claim(x, select, dueBefore, now, until, owner, limit), claims -> true);
            }
        });
    }

    private List<Claim> claim(Connection c, String select, Instant dueBefore, Instant now, Instant until, String owner,
                                     int limit) throws SQLException {
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, select)) {
            ps.setBigDecimal(1, Instants.toDecimal(dueBefore));
            ps.setBigDecimal(2, Instants.toDecimal(now));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) candidates.add(rs.getString(1));
            }
        }
        List<Claim> claims = new ArrayList<>(candidates.size());
        // The rows are locked; the guard re-reads the latest committed lease, so a lease another node took
        // between our snapshot and our lock is never overwritten.
        try (PreparedStatement ps = prepare(c, "UPDATE xf_claim SET owner = ?, leased_until = ?"
                + " WHERE case_id = ? AND (leased_until IS NULL OR leased_until <= ?)")) {
            for (String caseId : candidates) {
                ps.setString(1, owner);
                ps.setBigDecimal(2, Instants.toDecimal(until));
                ps.setString(3, caseId);
                ps.setBigDecimal(4, Instants.toDecimal(now));
                if (ps.executeUpdate() == 1) claims.add(new Claim(caseId, owner, until));
            }
        }
        return claims;
    }

    @Override
    public boolean release(String caseId, String owner) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(owner, "owner");
        if (!storable(caseId) || !storable(owner)) return false;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = prepare(c, 
                     "UPDATE xf_claim SET owner = NULL, leased_until = NULL WHERE case_id = ? AND owner = ?")) {
            ps.setString(1, caseId);
            ps.setString(2, owner);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("releasing the lease on case " + caseId + " failed", e);
        }
    }

    /** Prepares a statement with its tables in the configured schema. */
    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        return tables.prepare(c, sql);
    }

    /** Reads one row of a result set, positioned on it. */
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a query with its parameters bound as strings, in order, and reads its first row.
     *
     * @return what {@code read} makes of the first row, or empty if there is none
     */
    private <T> Optional<T> firstRow(Connection c, String sql, RowReader<T> read, String... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                try {
                    return Optional.of(read.read(rs));
                } catch (IllegalArgumentException | NullPointerException | ArithmeticException | java.time.DateTimeException e) {
                    throw damaged("the row " + String.join(", ", params), e);
                }
            }
        }
    }

    /**
     * A stored row that makes no value of the SPI (a column out of its range, a required one empty): the database was
     * changed by something other than this adapter. A store failure naming the row, never the value constructor's
     * exception.
     */
    static StoreException damaged(String row, RuntimeException e) {
        return new StoreException(row + " makes no valid value (a damaged row): " + e.getMessage(), e);
    }

    // ------------------------------------------------------------------------------------------ access audit

    /** How many times a record is tried when concurrent records of its case take the number it read. */
    private static final int AUDIT_ATTEMPTS = 20;

    private static final String AUDIT_COLUMNS = "case_id, sequence, actor, action, outcome, recorded_at, previous_link, link";

    /**
     * Numbers and chains the entry after the case's head in {@code xf_audit_head}, read under its row lock, and writes
     * the record and the new head in one transaction (the caller's, in the participating mode). Two first records of a
     * case race on the head's primary key: the loser rolls back and reads the winner's head.
     */
    @Override
    public AuditRecord record(AuditEntry entry, EventChain chain) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(chain, "chain");
        for (int attempt = 0; attempt < AUDIT_ATTEMPTS; attempt++) {
            Optional<AuditRecord> kept = writing("recording an access to case " + entry.caseId() + " failed",
                    "audit record of case " + entry.caseId(), (c, own) -> appendAudit(c, entry, chain),
                    Optional::isPresent, Optional::isPresent, Optional.empty());
            if (kept.isPresent()) return kept.get();
        }
        throw new StoreException("recording an access to case " + entry.caseId() + " lost " + AUDIT_ATTEMPTS
                + " races for its next number; nothing was recorded");
    }

    private Optional<AuditRecord> appendAudit(Connection c, AuditEntry entry, EventChain chain) throws SQLException {
        long last = 0;
        String previous = null;
        try (PreparedStatement ps = prepare(c, "SELECT last_sequence, last_link FROM xf_audit_head WHERE case_id = ?"
                + " FOR UPDATE")) {
            ps.setString(1, entry.caseId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    last = rs.getLong(1);
                    previous = rs.getString(2);
                }
            }
        }
        AuditRecord r = new AuditRecord(entry, last + 1, previous, chain.auditLink(previous, entry, last + 1));
        try {
            if (last == 0) {
                try (PreparedStatement ps = prepare(c, "INSERT INTO xf_audit_head (case_id, last_sequence, last_link) VALUES (?, ?, ?)")) {
                    ps.setString(1, entry.caseId());
                    ps.setLong(2, r.sequence());
                    ps.setString(3, r.link());
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = prepare(c, "UPDATE xf_audit_head SET last_sequence = ?, last_link = ?"
                        + " WHERE case_id = ? AND last_sequence = ?")) {
                    ps.setLong(1, r.sequence());
                    ps.setString(2, r.link());
                    ps.setString(3, entry.caseId());
                    ps.setLong(4, last);
                    if (ps.executeUpdate() == 0) return Optional.empty();
                }
            }
            try (PreparedStatement ps = prepare(c, "INSERT INTO xf_audit (" + AUDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, entry.caseId());
                ps.setLong(2, r.sequence());
                ps.setString(3, entry.actor());
                ps.setString(4, entry.action().name());
                ps.setString(5, entry.outcome().name());
                ps.setBigDecimal(6, Instants.toDecimal(entry.at()));
                ps.setString(7, previous);
                ps.setString(8, r.link());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) return Optional.empty();   // another record took the number: roll back, read again
            throw e;
        }
        return Optional.of(r);
    }

    @Override
    public List<AuditRecord> recordsAfter(String caseId, long sequence, int limit) {
        AccessAudit.checkArguments(caseId, sequence, limit);
        return casePositionPage("reading the access audit after case " + caseId + " failed",
                "SELECT " + AUDIT_COLUMNS + " FROM xf_audit WHERE " + afterPosition(""), null, caseId, sequence, limit,
                JdbcCaseStore::auditRecord);
    }

    @Override
    public List<AuditRecord> byActor(String actor, String caseId, long sequence, int limit) {
        Objects.requireNonNull(actor, "actor");
        AccessAudit.checkArguments(caseId, sequence, limit);
        return casePositionPage("reading the access audit of an actor after case " + caseId + " failed",
                "SELECT " + AUDIT_COLUMNS + " FROM xf_audit WHERE actor = ? AND " + afterPosition(""), actor, caseId, sequence, limit,
                JdbcCaseStore::auditRecord);
    }

    /** A row of {@code xf_audit}, in {@link #AUDIT_COLUMNS} order; a damaged row is a damaged store, named by case and sequence. */
    private static AuditRecord auditRecord(ResultSet rs) throws SQLException {
        String caseId = rs.getString(1);
        try {
            AuditEntry e = new AuditEntry(rs.getString(3), caseId, AuditEntry.Action.valueOf(rs.getString(4)),
                    AuditEntry.Outcome.valueOf(rs.getString(5)), Instants.fromDecimal(rs.getBigDecimal(6)));
            return new AuditRecord(e, rs.getLong(2), rs.getString(7), rs.getString(8));
        } catch (IllegalArgumentException | NullPointerException | StoreException e) {
            throw damaged("case " + caseId + " audit record " + rs.getLong(2), e);
        }
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return writing("purging the access audit before " + cutoff + " failed", "audit purge", (c, own) -> {
            try (PreparedStatement ps = prepare(c, "DELETE FROM xf_audit WHERE recorded_at < ?")) {
                ps.setBigDecimal(1, Instants.toDecimal(cutoff));
                return (long) ps.executeUpdate();
            }
        }, n -> true, n -> true, 0L);
    }

    /**
     * A case row's version, last event sequence and snapshot, as {@link #load} reads them, and the last sequence of the
     * snapshot's commit (0 if its record is missing).
     */
    private record CaseHead(long version, long lastSequence, StoredSnapshot snapshot, long snapshotEnd) {
        /** The first event a load from the snapshot reads: the one after the snapshot, or at least the last one. */
        long firstEventToRead() {
            return Math.max(1, Math.min(snapshotEnd + 1, lastSequence));
        }
    }

    /** A commit's idempotency record, as {@link #findApplied} reads it. */
    private record CommitRecord(long version, String digest, long firstSequence, long lastSequence) {}

    /**
     * Whether a database can hold the string as it is: no NUL (PostgreSQL refuses it) and no unpaired surrogate
     * (H2 and PostgreSQL store {@code ?} for it). Core's text rule lets no such string into a commit, so a look-up by
     * one matches nothing, and answers so on every database as the in-memory store does, instead of failing on one.
     */
    private static boolean storable(String s) {
        if (s == null) return true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\u0000') return false;
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
                else return false;
            } else if (Character.isLowSurrogate(ch)) {
                return false;
            }
        }
        return true;
    }

    // ----------------------------------------------------------------------------------- report listing

    /**
     * The case ids of one page of rule P1: the region's range of {@code xf_case_by_region} after the keyset position,
     * each case kept when it has an open duty or an event recorded since the instant (over the events' primary key,
     * by case). Parameters: prefix pattern, (case id to start after), since, limit.
     */
    static String touchingSql(boolean keyset) {
        return touchingSql(keyset, "");
    }

    /** {@link #touchingSql(boolean)} with an access scope's condition, whose parameters follow since. */
    static String touchingSql(boolean keyset, String access) {
        return "SELECT c.case_id FROM xf_case c WHERE c.region_code LIKE ?" + (keyset ? " AND c.case_id > ?" : "")
                + " AND (c.earliest_due_at IS NOT NULL OR EXISTS (SELECT 1 FROM xf_event e WHERE e.case_id = c.case_id"
                + " AND e.recorded_at >= ?))" + access + " ORDER BY c.case_id LIMIT ?";
    }

    /** One keyset page of case ids (never OFFSET), then its cases, whole, in one statement ({@link #casesSql}). */
    @Override
    public List<StoredCase> touching(String regionPrefix, Instant since, String afterCaseId, int limit) {
        return touching(regionPrefix, since, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<StoredCase> touching(String regionPrefix, Instant since, String afterCaseId, int limit, AccessScope access) {
        ReportQuery.checkArguments(regionPrefix, since, limit);
        ScopeSql accessSql = ScopeSql.of(Objects.requireNonNull(access, "access"), JdbcCaseStore::storable);
        return reading("report listing failed for region prefix " + regionPrefix, c -> {
            List<String> page = new ArrayList<>(Math.min(limit, 1_000));
            try (PreparedStatement ps = prepare(c, touchingSql(afterCaseId != null, accessSql.condition()))) {
                int i = 1;
                ps.setString(i++, regionPrefix + "%");
                if (afterCaseId != null) ps.setString(i++, afterCaseId);
                ps.setBigDecimal(i++, Instants.toDecimal(since));
                i = accessSql.bind(ps, i);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) page.add(rs.getString(1));
                }
            }
            return loadAll(c, page);
        });
    }

    /**
     * Whole cases, in the order of their ids (an id no longer stored is left out): one statement per
     * {@link #IN_LIST_LIMIT} ids ({@link #casesSql}), or, on a database without chain links yet, two per case.
     */
    private List<StoredCase> loadAll(Connection c, List<String> ids) throws SQLException {
        List<StoredCase> cases = new ArrayList<>(ids.size());
        if (!linkColumn(c)) {
            for (String id : ids) loadInTwoStatements(c, id, false).ifPresent(cases::add);
            return cases;
        }
        Map<String, StoredCase> read = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST_LIMIT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_LIMIT));
            try (PreparedStatement ps = prepare(c, casesSql(chunk.size()))) {
                int p = 1;
                for (int round = 0; round < 2; round++) {
                    for (String id : chunk) ps.setString(p++, id);
                }
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    readCases(rs, read);
                }
            }
        }
        for (String id : ids) {
            StoredCase stored = read.get(id);
            if (stored != null) cases.add(stored);
        }
        return cases;
    }

    /**
     * Several whole cases as one statement: per case, its head row (column 2 is 0: the case id in column 1, the head in
     * 3 to 8), then one row per event (column 2 is 1: the event in 9 to 13, its chain link in 14), bounded by the same
     * case row's last sequence, ordered by case id. Parameters: the ids, twice.
     */
    private static String casesSql(int ids) {
        String in = "c.case_id IN (" + String.join(", ", Collections.nCopies(ids, "?")) + ")";
        return "SELECT c.case_id, 0, " + HEAD_COLUMNS + ", NULL, NULL, NULL, NULL, NULL, NULL FROM xf_case c WHERE " + in
                + " UNION ALL SELECT c.case_id, 1, NULL, NULL, NULL, NULL, NULL, NULL, " + EVENT_COLUMNS + ", e.chain_link"
                + " FROM xf_case c JOIN xf_event e ON e.case_id = c.case_id WHERE " + in
                + " AND e.sequence <= c.last_sequence ORDER BY 1, 2, 9";
    }

    /** Reads {@link #casesSql}'s rows into whole cases by id. */
    private static void readCases(ResultSet rs, Map<String, StoredCase> into) throws SQLException {
        String id = null;
        CaseHead head = null;
        List<StoredEvent> events = new ArrayList<>();
        String chainHead = null;
        while (rs.next()) {
            String rowId = rs.getString(1);
            if (rs.getInt(2) == 0) {
                if (id != null) into.put(id, whole(id, head, 1, events, chainHead));
                id = rowId;
                try {
                    head = head(id, rs, 3);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw damaged("the row " + id, e);
                }
                events = new ArrayList<>();
                chainHead = null;
            } else {
                if (id == null || !id.equals(rowId)) throw new StoreException("case " + rowId + " read events before its row");
                events.add(event(id, rs, 9));
                chainHead = rs.getString(14);
            }
        }
        if (id != null) into.put(id, whole(id, head, 1, events, chainHead));
    }

    /** @throws StoreException if the events read are not every event of the head's history from {@code from} on */
    private static StoredCase whole(String id, CaseHead head, long from, List<StoredEvent> events, String chainHead) {
        if (events.size() != head.lastSequence() - from + 1) {
            throw new StoreException("case " + id + " misses events between sequences " + from + " and " + head.lastSequence());
        }
        return storedCase(id, head, events, chainHead);
    }

    // ----------------------------------------------------------------------------------- cluster warnings

    /**
     * One page of rule C1: the cases petitioned since a day ({@code xf_case_last_petition}) under the region prefix that
     * have a subject tag (over {@code xf_case_tag}'s primary key, by case). Parameters: prefix pattern, day, (case id to
     * start after), limit.
     */
    static String taggedSql(boolean keyset) {
        return taggedSql(keyset, "");
    }

    /** {@link #taggedSql(boolean)} with an access scope's condition, whose parameters follow the keyset position. */
    static String taggedSql(boolean keyset, String access) {
        return "SELECT " + CASE_COLUMNS + " FROM xf_case c WHERE c.region_code LIKE ? AND c.last_petition_on >= ?"
                + (keyset ? " AND c.case_id > ?" : "")
                + " AND EXISTS (SELECT 1 FROM xf_case_tag t WHERE t.case_id = c.case_id)" + access + " ORDER BY c.case_id LIMIT ?";
    }

    @Override
    public List<IndexRow> taggedSince(String regionPrefix, LocalDate since, String afterCaseId, int limit) {
        return taggedSince(regionPrefix, since, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<IndexRow> taggedSince(String regionPrefix, LocalDate since, String afterCaseId, int limit, AccessScope access) {
        ClusterQuery.checkArguments(regionPrefix, since, limit);
        ScopeSql accessSql = ScopeSql.of(Objects.requireNonNull(access, "access"), JdbcCaseStore::storable);
        String sql = taggedSql(afterCaseId != null, accessSql.condition());
        return rowsSelected("cluster listing failed for region prefix " + regionPrefix, sql, ps -> {
            int i = 1;
            ps.setString(i++, regionPrefix + "%");
            ps.setObject(i++, since, Types.DATE);
            if (afterCaseId != null) ps.setString(i++, afterCaseId);
            i = accessSql.bind(ps, i);
            ps.setInt(i, limit);
        });
    }

    /**
     * Rule K1 in one short transaction: nothing is written when the cluster holds the level or a higher one; otherwise
     * the insert, whose primary key (the id: cluster and level) makes one of concurrent raisers of a warning win. Two
     * raisers of different levels of one cluster may both be recorded, the lower never after the higher was.
     */
    @Override
    public boolean raise(StoredWarning warning) {
        Objects.requireNonNull(warning, "warning");
        return writing("raising cluster warning " + warning.id() + " failed", "raising cluster warning " + warning.id(),
                (c, own) -> {
                    if (highestLevel(c, warning.cluster()) >= warning.level()) return false;
                    try (PreparedStatement ps = prepare(c, "INSERT INTO xf_cluster_warning"
                            + " (id, cluster, level, region_prefix, raised_at, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, warning.id());
                        ps.setString(2, warning.cluster());
                        ps.setInt(3, warning.level());
                        ps.setString(4, warning.regionPrefix());
                        ps.setBigDecimal(5, Instants.toDecimal(warning.raisedAt()));
                        ps.setString(6, warning.payload());
                        ps.executeUpdate();
                        return true;
                    } catch (SQLException e) {
                        if (isUniqueViolation(e)) return false;   // another raiser won: roll back the failed statement
                        throw e;
                    }
                }, raised -> raised, raised -> raised, null);
    }

    @Override
    public List<StoredWarning> warnings(String regionPrefix, String afterId, int limit) {
        ClusterWarnings.checkArguments(regionPrefix, limit);
        if (afterId != null && !storable(afterId)) return List.of();
        String sql = "SELECT id, cluster, level, region_prefix, raised_at, payload FROM xf_cluster_warning WHERE region_prefix LIKE ?"
                + (afterId == null ? "" : " AND id > ?") + " ORDER BY id LIMIT ?";
        return reading("listing cluster warnings failed for region prefix " + regionPrefix, c -> {
            try (PreparedStatement ps = prepare(c, sql)) {
                int i = 1;
                ps.setString(i++, regionPrefix + "%");
                if (afterId != null) ps.setString(i++, afterId);
                ps.setInt(i, limit);
                List<StoredWarning> page = new ArrayList<>(Math.min(limit, 1_000));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            page.add(new StoredWarning(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                                    Instants.fromDecimal(rs.getBigDecimal(5)), rs.getString(6)));
                        } catch (IllegalArgumentException | NullPointerException | StoreException damage) {
                            throw damaged("the cluster warning " + rs.getString(1), damage);
                        }
                    }
                }
                return page;
            }
        });
    }

    @Override
    public int highestLevel(String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        if (!storable(cluster)) return 0;
        return reading("reading the level of cluster " + cluster + " failed", c -> highestLevel(c, cluster));
    }

    private int highestLevel(Connection c, String cluster) throws SQLException {
        return firstRow(c, "SELECT MAX(level) FROM xf_cluster_warning WHERE cluster = ?", rs -> rs.getInt(1), cluster).orElse(0);
    }

    // ----------------------------------------------------------------------------------- index maintenance

    @Override
    public List<String> caseIdsAfter(String after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        // Keyset over the primary key, never OFFSET: cases created between pages cannot shift the listing.
        // case_id is COLLATE "C" on PostgreSQL and compared as Java strings on H2, so the order is String.compareTo's.
        String sql = after == null ? "SELECT case_id FROM xf_case ORDER BY case_id LIMIT ?"
                : "SELECT case_id FROM xf_case WHERE case_id > ? ORDER BY case_id LIMIT ?";
        return reading("listing case ids after " + after + " failed", c -> {
            try (PreparedStatement ps = prepare(c, sql)) {
                int i = 1;
                if (after != null) ps.setString(i++, after);
                ps.setInt(i, limit);
                List<String> ids = new ArrayList<>(Math.min(limit, 1_000));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) ids.add(rs.getString(1));
                }
                return ids;
            }
        });
    }

    @Override
    public boolean replaceIndexRow(IndexRow row) {
        Objects.requireNonNull(row, "row");
        // Not replaced means nothing was written: keep the transaction, never roll it back (see writing).
        return writing("replacing the index row of case " + row.caseId() + " failed",
                "replacing the index row of case " + row.caseId(), (c, own) -> writeIndexRow(c, row), replaced -> true,
                replaced -> true, false);
    }

    /**
     * The index columns of the case row, guarded by the version (the update takes the row's lock, so a commit
     * of the case waits for us or we for it), then the child rows, only if the guard matched. Events, snapshot,
     * idempotency records and the feed are not touched.
     */
    private boolean writeIndexRow(Connection c, IndexRow row) throws SQLException {
        try (PreparedStatement ps = prepare(c, REPLACE_INDEX_ROW_SQL)) {
            IndexColumn.bindAll(ps, 1, row);
            ps.setString(1 + IndexColumn.COUNT, row.caseId());
            ps.setLong(2 + IndexColumn.COUNT, row.version());
            if (ps.executeUpdate() == 0) return false;   // unknown case, or at another version: change nothing
        }
        deleteChildren(c, row.caseId());
        insertChildRows(c, row);
        return true;
    }

    // ----------------------------------------------------------------------------------------- transactions

    /** Work on an open connection. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Work that writes, told whether it runs in a transaction of the store's own or in the caller's. */
    private interface Write<T> {
        T run(Connection c, boolean ownTransaction) throws SQLException;
    }

    /**
     * Reads that need one snapshot across several statements (a case row and its child rows): in a read-only
     * REPEATABLE READ transaction of the store's own, or, in the participating mode, on the caller's connection as it
     * is (its isolation level and read-only flag untouched: the caller's transaction decides what it sees).
     */
    private <T> T inReadTransaction(String failure, Work<T> work) {
        Connection caller = callerConnection();
        if (caller != null) return onCallersConnection(caller, failure, work);
        try (Connection c = dataSource.getConnection()) {
            return inTransaction(c, Connection.TRANSACTION_REPEATABLE_READ, work, result -> true);
        } catch (SQLException e) {
            throw new StoreException(failure, e);
        }
    }

    /**
     * Reads of immutable rows or of one row: on the caller's connection in the participating mode while a transaction
     * is open, otherwise on a connection of the store's own in auto-commit.
     */
    private <T> T reading(String failure, Work<T> work) {
        Connection caller = callerConnection();
        if (caller != null) return onCallersConnection(caller, failure, work);
        return onOwnConnection(failure, work);
    }

    /** Work on a connection of the store's own, in auto-commit, whatever the mode. */
    private <T> T onOwnConnection(String failure, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(failure, e);
        }
    }

    /**
     * Writes. In a transaction of the store's own at READ COMMITTED, retried while it fails for a transient reason,
     * and rolled back only when it wrote something it must not keep ({@code keep} refuses the result) or failed: a
     * refusal found before any write (a conflict: the guarded update matched no row) is committed, changing nothing.
     * That is deliberate: on H2 (2.3.232 and 2.4.240) rolling back a transaction whose guarded update waited for the
     * case row's lock while another commit of the case finished can put back the row as it was before that other
     * commit, so the case loses an acknowledged commit. A {@code ROLLBACK} and a {@code COMMIT} of a transaction that
     * changed nothing are otherwise the same.
     *
     * <p>In the participating mode, while the caller's transaction is open, the work runs once inside a savepoint
     * instead, released when {@code keepInSavepoint} accepts the result (it must refuse every result reached after a
     * failed statement) and rolled back to otherwise or on failure: the caller's
     * transaction is never committed, rolled back or retried. A serialisation failure there (the caller's transaction
     * runs at REPEATABLE READ or SERIALIZABLE and the row changed since it began) answers {@code onSerializationFailure}
     * when that is not null; another transient failure is a {@link TransientStoreException}.
     */
    private <T> T writing(String failure, String what, Write<T> work, Predicate<T> keep, Predicate<T> keepInSavepoint,
                          T onSerializationFailure) {
        return writing(failure, what, work, keep, keepInSavepoint, onSerializationFailure, false);
    }

    /**
     * As {@link #writing(String, String, Write, Predicate, Predicate, Object)}; when {@code setsIsolation}, a work on a
     * {@linkplain #pipelines pipelining} connection sets its own transaction's isolation level in its first statement
     * ({@link PipelinedCommit#ISOLATION}), and the connection's level is neither read nor set (each is a round trip
     * on pgjdbc).
     */
    private <T> T writing(String failure, String what, Write<T> work, Predicate<T> keep, Predicate<T> keepInSavepoint,
                          T onSerializationFailure, boolean setsIsolation) {
        Connection caller = callerConnection();
        if (caller != null) {
            return onCallersConnection(caller, failure, c -> inSavepoint(c, failure, work, keepInSavepoint, onSerializationFailure));
        }
        return retryingTransient(failure, what, () -> {
            try (Connection c = dataSource.getConnection()) {
                int level = setsIsolation && pipelines(c) ? ISOLATION_SET_BY_WORK : Connection.TRANSACTION_READ_COMMITTED;
                return inTransaction(c, level, x -> work.run(x, true), keep);
            }
        });
    }

    /** For {@link #inTransaction}: the work sets the transaction's isolation level itself. */
    private static final int ISOLATION_SET_BY_WORK = -1;

    /** Whether this store's connections come from pgjdbc (see {@link PipelinedCommit}); null until a commit asks. */
    private volatile Boolean pipelines;

    /** @return whether a commit's writes go in two round trips ({@link PipelinedCommit}); asked of the first connection */
    private boolean pipelines(Connection c) throws SQLException {
        Boolean known = pipelines;
        if (known == null) pipelines = known = dialect == Dialect.POSTGRESQL && PipelinedCommit.supports(c);
        return known;
    }

    private <T> T inSavepoint(Connection c, String failure, Write<T> work, Predicate<T> keep, T onSerializationFailure)
            throws SQLException {
        requireCallersTransaction(c);
        Savepoint savepoint = c.setSavepoint();
        T result;
        try {
            result = work.run(c, false);
        } catch (SQLException e) {
            if (dialect.rolledBackTheTransaction(e)) {
                // MySQL's deadlock victim: InnoDB has undone the caller's whole transaction, the savepoint with it.
                throw new TransientStoreException(failure + " for a transient reason (a deadlock): the database rolled"
                        + " back the caller's whole transaction, which must be retried whole", e);
            }
            rollbackQuietly(c, savepoint, e);
            if (onSerializationFailure != null && dialect.isSerializationFailure(e)) return onSerializationFailure;
            if (dialect.isTransient(e)) {
                throw new TransientStoreException(failure + " for a transient reason; the store's statements were undone"
                        + " and the caller's transaction can go on or be retried whole", e);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            rollbackQuietly(c, savepoint, e);
            throw e;
        }
        if (keep.test(result)) {
            c.releaseSavepoint(savepoint);
        } else {
            c.rollback(savepoint);
        }
        return result;
    }

    /** A participating store writes only inside the caller's transaction, at READ COMMITTED or stronger. */
    private static void requireCallersTransaction(Connection c) throws SQLException {
        if (c.getAutoCommit()) {
            throw new StoreException("the connection of the caller's transaction is in auto-commit mode: a participating"
                    + " store writes only inside the caller's transaction (open one, or build the store without"
                    + " participating(...) to let it commit by itself)");
        }
        int level = c.getTransactionIsolation();
        if (level < Connection.TRANSACTION_READ_COMMITTED) {
            throw new StoreException("the caller's transaction runs at " + (level == Connection.TRANSACTION_NONE ? "no"
                    : "READ UNCOMMITTED") + " isolation: xinfang needs READ COMMITTED or stronger (REPEATABLE READ,"
                    + " SERIALIZABLE), so that it never decides on changes another transaction may still roll back");
        }
    }

    /** The connection of the caller's open transaction, or null (own-transaction mode, or no transaction open). */
    private Connection callerConnection() {
        if (binding == null) return null;
        try {
            return binding.currentConnection().orElse(null);
        } catch (SQLException e) {
            throw new StoreException("could not get the connection of the caller's transaction", e);
        }
    }

    /** Runs work on the caller's connection, then hands it back to the binding, whether the work failed or not. */
    private <T> T onCallersConnection(Connection c, String failure, Work<T> work) {
        T result;
        try {
            result = work.run(c);
        } catch (SQLException e) {
            StoreException failed = new StoreException(failure, e);
            releaseQuietly(c, failed);
            throw failed;
        } catch (RuntimeException | Error e) {
            releaseQuietly(c, e);
            throw e;
        }
        try {
            binding.release(c);
        } catch (SQLException e) {
            throw new StoreException("handing the caller's connection back failed", e);
        }
        return result;
    }

    private void releaseQuietly(Connection c, Throwable cause) {
        try {
            binding.release(c);
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Runs work in one transaction at an isolation level ({@link #ISOLATION_SET_BY_WORK}: the work's first statement
     * sets it for the transaction), commits it if {@code keep} accepts the result and rolls it back otherwise (or on any
     * failure, keeping the failure), and leaves the connection's settings as it found them.
     */
    private static <T> T inTransaction(Connection c, int level, Work<T> work, Predicate<T> keep)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = level == ISOLATION_SET_BY_WORK ? level : c.getTransactionIsolation();
        try {
            if (isolation != level) c.setTransactionIsolation(level);
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException | Error e) {
                JdbcTransactions.rollbackQuietly(c, e);
                throw e;
            }
            if (keep.test(result)) c.commit();
            else c.rollback();
            return result;
        } finally {
            c.setAutoCommit(autoCommit);
            if (isolation != level) c.setTransactionIsolation(isolation);
        }
    }

    /** A call that may fail with an {@link SQLException}. */
    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    /**
     * Tries a call up to {@link #MAX_ATTEMPTS} times while it fails with transient errors (serialisation failures,
     * deadlocks, lock timeouts); any other failure at once becomes a {@link StoreException}.
     */
    private <T> T retryingTransient(String failure, String what, SqlCall<T> call) {
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return call.call();
            } catch (SQLException e) {
                if (!dialect.isTransient(e)) throw new StoreException(failure, e);
                last = e;
            }
        }
        throw new StoreException(what + " failed " + MAX_ATTEMPTS + " times with transient errors", last);
    }
}
