package io.github.xinfang.bench;

import io.github.xinfang.bench.jdbc.Lifecycle;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.time.TimeLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How the snapshot cadence ({@link CaseService.Builder#snapshotEvery}) trades commits against loads, on the in-memory
 * store: a lifecycle of {@value Lifecycles#COMMITS} commits with the cache of decoded states (warm) and without it
 * (cold: each command loads the latest snapshot and the events after it), and the load of a case's current state
 * (latest snapshot, the events after it decoded and replayed) for a case of {@code events} events, with no cache.
 * Microseconds per commit or per load.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SnapshotCadenceBenchmark {
    /** Every how many commits a snapshot is written. */
    @Param({"1", "4", "8", "16"})
    public int every;

    /** Events of the case {@link #loadState} loads (a claim with rounds of propose and return for rework). */
    @Param({"100", "1000"})
    public int events;

    private CaseService warm;
    private CaseService cold;
    private CaseService reader;
    private CaseId longCase;
    private final Instant now = Lifecycles.CLOCK.instant();
    private long cases;

    @Setup(Level.Trial)
    public void longCase() {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        CaseService writer = CaseService.builder(store, Lifecycles.DIRECTORY, Lifecycles.CLOCK).snapshotEvery(every).build();
        longCase = new CaseId("LONG-" + events);
        Lifecycles.run(writer, Lifecycle.withReworks(longCase, (events - Lifecycle.STEPS) / 2));
        reader = CaseService.builder(store, Lifecycles.DIRECTORY, Lifecycles.CLOCK).snapshotEvery(every).stateCache(0).build();
    }

    @Setup(Level.Iteration)
    public void freshStores() {
        warm = CaseService.builder(InMemoryCaseStore.create(), Lifecycles.DIRECTORY, Lifecycles.CLOCK).snapshotEvery(every).build();
        cold = CaseService.builder(InMemoryCaseStore.create(), Lifecycles.DIRECTORY, Lifecycles.CLOCK).snapshotEvery(every)
                .stateCache(0).build();
    }

    /** One lifecycle, the case's state a cache hit at each command. */
    @Benchmark
    @OperationsPerInvocation(Lifecycles.COMMITS)
    public void commitWarm() {
        Lifecycles.run(warm, new CaseId("W-" + (++cases)));
    }

    /** One lifecycle with no cache: each command loads the latest snapshot and replays the events after it. */
    @Benchmark
    @OperationsPerInvocation(Lifecycles.COMMITS)
    public void commitCold() {
        Lifecycles.run(cold, new CaseId("C-" + (++cases)));
    }

    /** The current state of a case of {@code events} events, loaded with no cache (its clocks, as a dashboard reads them). */
    @Benchmark
    public Optional<List<TimeLimits.ObligationStatus>> loadState() {
        return reader.obligations(longCase, now);
    }
}
