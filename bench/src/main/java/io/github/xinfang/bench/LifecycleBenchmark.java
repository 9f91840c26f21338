package io.github.xinfang.bench;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A full case lifecycle through {@link CaseService} on the {@link InMemoryCaseStore} (commits per second:
 * each command is checked, digested, looked up for idempotency, loaded, decided, encoded and committed), and
 * replaying a history (events per second): from decoded events with {@link CaseState#replay}, and from the
 * store (load, decode every event, replay). Rows are per commit and per event
 * ({@code @OperationsPerInvocation}).
 *
 * <p>The store is fresh at each iteration, so its size stays bounded. JMH state: one instance per thread.
 *
 * @since 0.1
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LifecycleBenchmark {
    private CaseService service;
    private long cases;

    private InMemoryCaseStore historyStore;
    private CaseCodec codec;
    private List<CaseEvent> history;
    private static final String HISTORY_CASE = "BENCH-HISTORY";

    @Setup(Level.Iteration)
    public void freshStore() {
        service = Lifecycles.service(InMemoryCaseStore.create());
    }

    @Setup
    public void setUp() {
        historyStore = InMemoryCaseStore.create();
        CaseService s = Lifecycles.service(historyStore);
        Lifecycles.run(s, new CaseId(HISTORY_CASE));
        history = s.history(new CaseId(HISTORY_CASE)).orElseThrow().events();
        if (history.size() != Lifecycles.COMMITS) throw new AssertionError(history.size());
        codec = CaseCodec.create();
    }

    /** One lifecycle of a new case: {@value Lifecycles#COMMITS} commits. */
    @Benchmark
    @OperationsPerInvocation(Lifecycles.COMMITS)
    public void commitLifecycle() {
        Lifecycles.run(service, new CaseId("BENCH-" + (++cases)));
    }

    /** Replays the {@value Lifecycles#COMMITS} decoded events of one case. */
    @Benchmark
    @OperationsPerInvocation(Lifecycles.COMMITS)
    public CaseState replayEvents() {
        return CaseState.replay(history);
    }

    /** Loads a case's {@value Lifecycles#COMMITS} stored events from the store, decodes and replays them. */
    @Benchmark
    @OperationsPerInvocation(Lifecycles.COMMITS)
    public CaseState replayFromStore() {
        StoredCase stored = historyStore.load(HISTORY_CASE).orElseThrow();
        List<CaseEvent> events = new ArrayList<>(stored.events().size());
        for (StoredEvent e : stored.events()) events.add(codec.decode(e));
        return CaseState.replay(events);
    }
}
