package io.github.xinfang.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link CrashConsistencyTests}: commits forever to a few cases from a few threads and
 * prints {@code ACK caseId version} after each commit returns, until it is killed.
 *
 * <p>Arguments: the JDBC URL and the dialect's name. The schema must exist.
 */
final class CrashWriter {
    static final int THREADS = 3;
    static final int CASES_PER_THREAD = 2;

    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(THREADS);
        JdbcCaseStore store = JdbcCaseStore.create(new HikariDataSource(config), Dialect.valueOf(args[1]));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                long[] versions = new long[CASES_PER_THREAD];
                long[] events = new long[CASES_PER_THREAD];
                for (long i = 0; ; i++) {
                    int k = (int) (i % CASES_PER_THREAD);
                    String caseId = caseId(thread, k);
                    int n = 1 + (int) (versions[k] % 3);
                    store.commit(Commits.commit(caseId, versions[k], events[k], n));
                    versions[k]++;
                    events[k] += n;
                    synchronized (out) {
                        out.println("ACK " + caseId + " " + versions[k]);
                        out.flush();
                    }
                }
            }, "writer-" + t);
            threads.add(writer);
            writer.start();
        }
        for (Thread t : threads) t.join();
    }

    static String caseId(int thread, int k) {
        return "crash-" + thread + "-" + k;
    }
}
