package io.github.xinfang.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link CrashConsistencyTests}: real domain commits until it is killed. A {@link CaseService}
 * over a {@link JdbcCaseStore} runs claims through their lifecycle ({@link Domain#step}: register, route,
 * inform, accept, propose, approve, serve the reply) from a few threads; each thread keeps two cases open, out
 * of phase, and alternates between them, starting a new case when one has served its reply. After each applied command it
 * prints {@code ACK caseId version}.
 *
 * <p>Arguments: the JDBC URL and the dialect's name. The schema must exist.
 */
final class CrashWriter {
    static final int THREADS = 3;
    static final int OPEN_CASES_PER_THREAD = 2;

    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(THREADS);
        JdbcCaseStore store = JdbcCaseStore.create(new HikariDataSource(config), Dialect.valueOf(args[1]));
        CaseService service = CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).build();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                int[] caseOfSlot = new int[OPEN_CASES_PER_THREAD];
                int[] stepOfSlot = new int[OPEN_CASES_PER_THREAD];
                for (int s = 0; s < OPEN_CASES_PER_THREAD; s++) caseOfSlot[s] = s;
                // The second slot starts three rounds late: whenever one case of a thread has served its reply,
                // the other is half-way, so a kill always interrupts lifecycles.
                stepOfSlot[1] = -3;
                int nextCase = OPEN_CASES_PER_THREAD;
                for (long i = 0; ; i++) {
                    int slot = (int) (i % OPEN_CASES_PER_THREAD);
                    if (stepOfSlot[slot] < 0) {
                        stepOfSlot[slot]++;
                        continue;
                    }
                    CaseId id = caseId(thread, caseOfSlot[slot]);
                    CaseCommand command = Domain.step(id, stepOfSlot[slot], unitOf(caseOfSlot[slot]), key(id, stepOfSlot[slot]));
                    CommandResult result = service.handle(command);
                    if (!(result instanceof CommandResult.Applied applied)) {
                        throw new IllegalStateException("the lifecycle refused " + command + ": " + result);
                    }
                    synchronized (out) {
                        out.println("ACK " + id.value() + " " + applied.version());
                        out.flush();
                    }
                    if (++stepOfSlot[slot] == Domain.LIFECYCLE_STEPS) {
                        caseOfSlot[slot] = nextCase++;
                        stepOfSlot[slot] = 0;
                    }
                }
            }, "writer-" + t);
            threads.add(writer);
            writer.start();
        }
        for (Thread t : threads) t.join();
    }

    static CaseId caseId(int thread, int n) {
        return new CaseId("XF-crash-" + thread + "-" + n);
    }

    static UnitId unitOf(int n) {
        return n % 2 == 0 ? Domain.HOUSING : Domain.LABOUR;
    }

    /** The key of a step: the writer applies step s of a case as its version s + 1. */
    static String key(CaseId id, int step) {
        return id.value() + "/" + step;
    }
}
