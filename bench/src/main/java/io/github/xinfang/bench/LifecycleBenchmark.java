package io.github.xinfang.bench;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.privacy.InMemoryKeyProvider;
import io.github.xinfang.privacy.PersonalDataCipher;
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
    /** Without the cache of decoded states: every command decodes its case's snapshot (a case not touched lately). */
    private CaseService cold;
    /** With personal data sealed at rest (AES-256-GCM, in-memory keys). */
    private CaseService sealed;
    private long cases;

    private InMemoryCaseStore historyStore;
    private CaseCodec codec;
    private List<CaseEvent> history;
    private static final String HISTORY_CASE = "BENCH-HISTORY";

    @Setup(Level.Iteration)
    public void freshStore() {
        service = Lifecycles.service(InMemoryCaseStore.create());
        cold = CaseService.builder(InMemoryCaseStore.create(), Lifecycles.DIRECTORY, Lifecycles.CLOCK).stateCache(0).build();
        sealed = CaseService.builder(InMemoryCaseStore.create(), Lifecycles.DIRECTORY, Lifecycles.CLOCK)
                .personalData(InMemoryKeyProvider.create(PersonalDataCipher.aesGcm())).build();
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

    /** One lifecycle with no cache of decoded states: each command decodes its case's snapshot. */
    @Benchmark
    @OperationsPerInvocation(Lifecycles.COMMITS)
    public void commitLifecycleCold() {
        Lifecycles.run(cold, new CaseId("BENCH-" + (++cases)));
    }

    /** One lifecycle with personal data sealed (AES-256-GCM): every personal value of each event and snapshot encrypted. */
    @Benchmark
    @OperationsPerInvocation(Lifecycles.COMMITS)
    public void commitLifecycleSealed() {
        Lifecycles.run(sealed, new CaseId("BENCH-" + (++cases)));
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
