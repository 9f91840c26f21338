package io.github.xinfang.bench.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.xinfang.persistence.jdbc.Dialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A database for one benchmark trial, behind a HikariCP pool: H2 in memory, H2 in a file with
 * {@code WRITE_DELAY=0} (a commit is written when acknowledged), or an embedded PostgreSQL 14 server with
 * {@code synchronous_commit=on} and {@code fsync=on} (a commit is flushed to the WAL on disk when acknowledged, as in
 * production; the embedded server's own default is fsync off).
 *
 * @param kind which database
 * @param pool the pool over it
 * @param postgres the embedded server, or null
 * @param directory the H2 file's directory, deleted on close, or null
 */
record BenchDatabase(Kind kind, HikariDataSource pool, EmbeddedPostgres postgres, Path directory) implements AutoCloseable {

    /** The databases measured. */
    enum Kind { H2_MEMORY, H2_FILE, POSTGRESQL }

    static BenchDatabase open(Kind kind, int poolSize) {
        try {
            switch (kind) {
                case H2_MEMORY:
                    return new BenchDatabase(kind, pool("jdbc:h2:mem:xfbench" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", poolSize),
                            null, null);
                case H2_FILE: {
                    Path dir = Files.createTempDirectory("xf-bench-h2");
                    return new BenchDatabase(kind, pool("jdbc:h2:file:" + dir.resolve("xf").toAbsolutePath() + ";WRITE_DELAY=0",
                            poolSize), null, dir);
                }
                case POSTGRESQL: {
                    // The embedded server starts with -F (fsync off); a later fsync=on wins, as in production.
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                            .setServerConfig("fsync", "on").start();
                    return new BenchDatabase(kind, pool(pg.getJdbcUrl("postgres", "postgres"), poolSize), pg, null);
                }
                default:
                    throw new AssertionError(kind);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("xf-bench");
        return new HikariDataSource(config);
    }

    DataSource dataSource() {
        return pool;
    }

    Dialect dialect() {
        return kind == Kind.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.H2;
    }

    @Override
    public void close() throws IOException {
        if (kind != Kind.POSTGRESQL) {
            try (var c = pool.getConnection(); var s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (java.sql.SQLException e) {
                // closing anyway
            }
        }
        pool.close();
        if (postgres != null) postgres.close();
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
