package io.github.xinfang.examples.year;

import io.github.xinfang.persistence.jdbc.Dialect;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import org.h2.jdbcx.JdbcConnectionPool;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

/**
 * The demo's durable embedded store: H2 on file ({@code xinfang.mv.db} in the demo's directory) through
 * {@code persistence-jdbc}, its schema created or upgraded by {@link JdbcCaseStore#migrate()}, and a checkpoint file
 * ({@code progress.properties}: seed, size, the last day played) so {@code --resume} continues where a run stopped.
 * A fresh run deletes both first. Not thread-safe; close it to close the database.
 */
final class DemoDatabase implements AutoCloseable {
    private static final String DB_NAME = "xinfang";
    private static final String CHECKPOINT = "progress.properties";

    private final Path directory;
    private final JdbcConnectionPool pool;
    private final JdbcCaseStore store;
    private final Properties progress;
    private final LocalDate resumedAfter;

    private DemoDatabase(Path directory, JdbcConnectionPool pool, JdbcCaseStore store, Properties progress) {
        this.directory = directory;
        this.pool = pool;
        this.store = store;
        this.progress = progress;
        String d = progress.getProperty("lastDay");
        this.resumedAfter = d == null ? null : LocalDate.parse(d);
    }

    /**
     * Opens the database in a directory.
     *
     * @param directory the demo's directory, created if missing
     * @param resume whether to keep what is there (else everything of an earlier run is deleted first)
     * @param seed the run's seed
     * @param petitions the run's size
     * @return the database
     * @throws YearDemoException if asked to resume with nothing to resume, or with another seed or size
     */
    static DemoDatabase open(Path directory, boolean resume, long seed, int petitions) {
        try {
            Files.createDirectories(directory);
            Path db = directory.resolve(DB_NAME + ".mv.db");
            Path checkpoint = directory.resolve(CHECKPOINT);
            Properties progress = new Properties();
            if (resume) {
                if (!Files.exists(db) || !Files.exists(checkpoint)) {
                    throw new YearDemoException("nothing to resume in " + directory + ": run once without --resume");
                }
                try (Reader r = Files.newBufferedReader(checkpoint, StandardCharsets.UTF_8)) {
                    progress.load(r);
                }
                if (!String.valueOf(seed).equals(progress.getProperty("seed")) || !String.valueOf(petitions).equals(progress.getProperty("petitions"))) {
                    throw new YearDemoException("the run in " + directory + " has seed " + progress.getProperty("seed") + " and "
                            + progress.getProperty("petitions") + " petitions: resume it with those, or start afresh");
                }
            } else {
                for (String name : List.of(DB_NAME + ".mv.db", DB_NAME + ".trace.db", CHECKPOINT)) Files.deleteIfExists(directory.resolve(name));
                progress.setProperty("seed", String.valueOf(seed));
                progress.setProperty("petitions", String.valueOf(petitions));
            }
            JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve(DB_NAME).toAbsolutePath(), "sa", "");
            pool.setMaxConnections(4);
            JdbcCaseStore store = JdbcCaseStore.create(pool, Dialect.H2).migrate();
            return new DemoDatabase(directory, pool, store, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + directory, e);
        }
    }

    JdbcCaseStore store() {
        return store;
    }

    /** @return the database file */
    Path file() {
        return directory.resolve(DB_NAME + ".mv.db");
    }

    /** @return the last day the run being resumed had completed, or null for a fresh run */
    LocalDate resumedAfter() {
        return resumedAfter;
    }

    /** Records that a day was played completely. */
    void dayDone(LocalDate day) {
        progress.setProperty("lastDay", day.toString());
        try (Writer w = Files.newBufferedWriter(directory.resolve(CHECKPOINT), StandardCharsets.UTF_8)) {
            progress.store(w, "xinfang DistrictYearDemo checkpoint");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint in " + directory, e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
