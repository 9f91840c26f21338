package io.github.xinfang.bench;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.report.Figures;
import io.github.xinfang.report.Period;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.testing.Journey;
import io.github.xinfang.testing.Journeys;
import io.github.xinfang.testing.Organisation;
import io.github.xinfang.testing.Organisations;
import io.github.xinfang.testing.SettableClock;
import io.github.xinfang.time.TimeLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A monthly bulletin (一月通报): {@link Figures} for one month, with the month before and the same month a year earlier,
 * grouped by handling unit, over {@link #cases} case histories fed one at a time, as a store's listing feeds them.
 *
 * <p>The histories are real: {@value #POOL} journeys ({@code xinfang-testing}'s generated command sequences to every
 * stage and track state, registered from 2025-01-02 on) run once through {@link CaseService} on the in-memory store, then
 * fed in turn until {@link #cases} histories have been folded, so the fold's cost is measured without holding a million
 * histories. One operation is one whole report ({@code SingleShotTime}). After each iteration the peak heap use of the
 * iteration (all heap pools, reset before it) is printed, to show that a report's memory does not grow with the cases.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportBenchmark {
    static final int POOL = 2_000;
    private static final Instant AS_OF = Instant.parse("2026-06-15T00:00:00Z");

    @Param({"100000", "1000000"})
    int cases;

    private final List<List<CaseEvent>> pool = new ArrayList<>();
    private TimeLimits limits;

    @Setup
    public void histories() {
        Organisation org = Organisations.guigang();
        SettableClock clock = SettableClock.at(Instant.parse("2025-01-02T01:00:00Z"));
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), org.directory(), clock).build();
        SplittableRandom seeds = new SplittableRandom(16);
        List<CaseId> ids = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            Journey journey = Journeys.any(org, new CaseId("B-" + i), Journeys.DEFAULT_EARLIEST).next(seeds.split());
            clock.set(journey.steps().get(0).at());
            journey.runOn(service, clock);
            ids.addAll(journey.cases());
        }
        for (CaseId id : ids) pool.add(service.history(id).orElseThrow().events());
        limits = service.timeLimits();
    }

    @Setup(Level.Iteration)
    public void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    @TearDown(Level.Iteration)
    public void printPeak() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        }
        System.out.printf("%n[ReportBenchmark] cases=%d peak heap in the iteration: %d MiB (the %d pooled histories included)%n",
                cases, peak >> 20, pool.size());
    }

    @Benchmark
    public Figures.Report monthlyBulletin() {
        Figures month = Figures.of(limits, Period.month(YearMonth.of(2025, 5)), AS_OF, Figures.Grouping.handlingUnit());
        for (int i = 0; i < cases; i++) month.accept(pool.get(i % pool.size()));
        return month.report();
    }
}
