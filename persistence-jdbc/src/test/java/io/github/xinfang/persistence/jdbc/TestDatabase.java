package io.github.xinfang.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
 * One fresh database (an H2 memory or file database, or a schema of the shared embedded PostgreSQL server)
 * for one test, with pooled data sources. Not thread-safe to open and close; the pools are.
 */
final class TestDatabase implements AutoCloseable {

    /** Which database a test class runs on. */
    enum Kind { H2_MEMORY, H2_FILE, POSTGRESQL }

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
        return kind == Kind.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.H2;
    }

    /** @return the JDBC URL (with credentials for PostgreSQL), for a child JVM */
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
                    "xf_change", "xf_change_pending", "xf_claim"}) {
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

    /** The embedded PostgreSQL server: started once per JVM, on first use, stopped when the JVM exits. */
    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        // What production should run with (the embedded default is off): a commit is durable when acknowledged.
                        .setServerConfig("synchronous_commit", "on")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        // the JVM is exiting; the server's directory is temporary
                    }
                }));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
    }
}
