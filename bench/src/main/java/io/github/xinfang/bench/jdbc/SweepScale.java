package io.github.xinfang.bench.jdbc;

import io.github.xinfang.bench.HeapFootprint;
import io.github.xinfang.bench.Lifecycles;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.time.Fact;
import io.github.xinfang.cases.Procedure.ImportedFact;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.report.Figures;
import io.github.xinfang.report.Period;
import io.github.xinfang.service.CaseListings;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.service.DeadlineSweep;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The deadline sweep over a population of open cases on PostgreSQL (embedded PostgreSQL 14, {@code synchronous_commit=on},
 * {@code fsync=on}):
 * {@code n} cases (default 100,000) imported in the handling stage (one {@code Import} commit each, spread over
 * {@code threads} client threads), their acceptance dates spread over 120 days so that at the sweep's instant about
 * half the handling limits (60 days) have passed, a sixth are in their warning window and the rest are quiet. Then two
 * sweeps at the same instant: the first records every warning and breach, the second finds nothing left to record.
 * For each: the time, the statements the store ran (counted through the data source) and the cases claimed. Then the
 * overdue query paged through the whole district, and a monthly report (June 2026, by handling unit) folded from the
 * store's histories through {@link CaseListings#forEachTouching}. After
 * the load it also prints the heap the library retains with the cases in PostgreSQL (the store, the service with its
 * cache of decoded states at its default size, and the pool), per open case. A
 * main program, not a JMH benchmark: one sweep over the population is one long operation, and a second one at the same
 * instant is a different operation (the quiet sweep).
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.github.xinfang.bench.jdbc.SweepScale 100000 4
 * java -cp bench/target/benchmarks.jar io.github.xinfang.bench.jdbc.SweepScale 1000000 4 no-sweep
 * }</pre>
 */
public final class SweepScale {
    private SweepScale() {}

    /** The sweep's instant (and the service's clock): 10:00 in Beijing on 30 June 2026. */
    private static final Instant NOW = Instant.parse("2026-06-30T02:00:00Z");
    private static final Actor CLERK = Actor.official(new OfficialId("office-clerk"), Lifecycles.OFFICE);

    /**
     * @param args the number of cases and of loading threads (both optional), then {@code no-sweep} to skip the sweeps
     * @throws Exception if the database fails to start or a loading thread fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        boolean sweeps = args.length <= 2 || !args[2].equals("no-sweep");
        try (BenchDatabase db = BenchDatabase.open(BenchDatabase.Kind.POSTGRESQL, Math.max(threads, 4))) {
            long heapBefore = HeapFootprint.usedAfterGc();
            AtomicLong statements = new AtomicLong();
            JdbcCaseStore store = JdbcCaseStore.create(counting(db.dataSource(), statements), db.dialect()).migrate();
            CaseService service = CaseService.builder(store, Lifecycles.DIRECTORY, () -> NOW).build();

            long started = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            List<Thread> loaders = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                Thread loader = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        CommandResult r = service.handle(importCase(i));
                        if (!(r instanceof CommandResult.Applied)) failures.add(new IllegalStateException("case " + i + ": " + r));
                    }
                });
                loader.start();
                loaders.add(loader);
            }
            for (Thread loader : loaders) loader.join();
            if (!failures.isEmpty()) throw new IllegalStateException(failures.size() + " imports failed", failures.get(0));
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%,d open cases imported by %d threads in %.1f s (%,.0f commits/s), %,d statements%n",
                    n, threads, loadSeconds, n / loadSeconds, statements.get());
            long retained = HeapFootprint.usedAfterGc() - heapBefore;
            System.out.printf(Locale.ROOT, "retained heap of the store, the service (its cache of decoded states at its default"
                    + " size, %,d) and the pool: %,d bytes, %,.0f bytes per open case%n", CaseService.DEFAULT_STATE_CACHE,
                    retained, retained / (double) n);

            DeadlineSweep sweep = DeadlineSweep.create(service, "node-1", Duration.ofHours(1), 100);
            for (String which : sweeps ? List.of("first sweep", "second sweep, same instant") : List.<String>of()) {
                statements.set(0);
                long t0 = System.nanoTime();
                DeadlineSweep.Report report = sweep.sweep(NOW);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "%s: %.1f s, %,d statements, %,d cases claimed, %,d warnings, %,d breaches,"
                        + " %,d already recorded, %,d refused%n", which, seconds, statements.get(), report.casesClaimed(),
                        report.warnings(), report.breaches(), report.alreadyRecorded(), report.refused());
            }

            // The overdue query, paged through the whole district, and a monthly report of the store's histories.
            statements.set(0);
            long t1 = System.nanoTime();
            int overdue = 0;
            int pages = 0;
            String after = null;
            while (true) {
                List<IndexRow> page = store.overdue(OverdueScope.regionPrefix("450802"), NOW, after, 500);
                if (page.isEmpty()) break;
                overdue += page.size();
                pages++;
                after = page.get(page.size() - 1).caseId();
            }
            System.out.printf(Locale.ROOT, "overdue query, whole district in pages of 500: %.2f s, %,d cases in %,d pages, %,d"
                    + " statements%n", (System.nanoTime() - t1) / 1e9, overdue, pages, statements.get());

            statements.set(0);
            long t2 = System.nanoTime();
            Figures figures = Figures.of(service.timeLimits(), Period.month(YearMonth.of(2026, 6)), NOW,
                    Figures.Grouping.handlingUnit());
            long fed = CaseListings.create(service).forEachTouching("450802", figures.since(), figures::accept);
            Figures.Report month = figures.report();
            System.out.printf(Locale.ROOT, "monthly report (June 2026, by handling unit) from the store: %.1f s, %,d histories"
                    + " read and folded, %,d statements, %d groups%n", (System.nanoTime() - t2) / 1e9, fed, statements.get(),
                    month.groups().size());
        }
    }

    /** Case {@code i}: accepted 1 March 2026 plus {@code i mod 120} days, routed and told the days before. */
    private static ProcedureCommand.Import importCase(int i) {
        LocalDate accepted = LocalDate.of(2026, 3, 1).plusDays(i % 120);
        PetitionForm form = new PetitionForm(accepted.minusDays(3), Channel.LETTER, Category.CLAIM, "城乡建设", "450802", true,
                null, List.of(new PetitionForm.Petitioner("测试甲", null, "13800000000", null)), null, null,
                "样例：虚构的信访事项。");
        CaseId id = new CaseId(String.format(Locale.ROOT, "XF-450802-2026-%07d", i));
        return new ProcedureCommand.Import(id, new IdempotencyKey("import-" + i), CLERK, form, null, Stage.IN_HANDLING,
                Lifecycles.HOUSING, List.of(ImportedFact.of(Fact.ROUTED, accepted.minusDays(2)),
                        ImportedFact.of(Fact.INFORMED, accepted.minusDays(1)), ImportedFact.of(Fact.ACCEPTED, accepted)));
    }

    /** A data source over {@code pool} that counts every statement execution of its connections. */
    private static DataSource counting(DataSource pool, AtomicLong statements) {
        return proxy(DataSource.class, pool, (target, m, a) -> {
            Object result = invoke(m, target, a);
            if (!m.getName().equals("getConnection")) return result;
            return proxy(Connection.class, (Connection) result, (c, cm, ca) -> {
                Object made = invoke(cm, c, ca);
                if (made instanceof PreparedStatement) return counted(PreparedStatement.class, made, statements);
                if (made instanceof Statement) return counted(Statement.class, made, statements);
                return made;
            });
        });
    }

    private static <T> T counted(Class<T> type, Object statement, AtomicLong statements) {
        return proxy(type, type.cast(statement), (target, m, a) -> {
            if (m.getName().startsWith("execute")) statements.incrementAndGet();
            return invoke(m, target, a);
        });
    }

    private interface Call<T> {
        Object on(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call<T> call) {
        InvocationHandler handler = (p, m, a) -> call.on(target, m, a);
        return type.cast(Proxy.newProxyInstance(SweepScale.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
