package io.github.xinfang.bench;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.ChainedEvent;
import io.github.xinfang.persistence.chain.ChainReport;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tamper-evident history's costs: the link of one stored event (what the case service adds to each commit, per
 * event), with SHA-256 and with SM3 (Bouncy Castle), and a whole-store verification per event, streaming over the
 * in-memory store holding {@value #CASES} lifecycles of {@value Lifecycles#COMMITS} commits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChainBenchmark {
    static final int CASES = 2_000;

    private final EventChain sha256 = EventChain.sha256();
    private final EventChain sm3 = EventChain.of("SM3", new BouncyCastleProvider());
    private ChainedEvent event;
    private ChainVerifier verifier;
    private long events;

    @Setup
    public void store() {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        var service = Lifecycles.service(store);
        for (int i = 0; i < CASES; i++) Lifecycles.run(service, new CaseId("BENCH-" + i));
        List<ChainedEvent> first = store.chainedEventsAfter("", 0, 2);
        event = first.get(0);   // the registration
        verifier = ChainVerifier.of(store, sha256);
        ChainReport report = verifier.verifyStore();
        if (!report.intact()) throw new AssertionError(report);
        events = report.events();
        if (events != (long) CASES * Lifecycles.COMMITS) throw new AssertionError(events);
    }

    /** The SHA-256 link of one stored event: a registration, the largest event of a lifecycle. */
    @Benchmark
    public String linkSha256() {
        return sha256.link(null, event.event(), event.idempotencyKey());
    }

    /** The SM3 link of the same event. */
    @Benchmark
    public String linkSm3() {
        return sm3.link(null, event.event(), event.idempotencyKey());
    }

    /** Verifies the whole store, per event: pages of the walk, each link recomputed and compared. */
    @Benchmark
    @OperationsPerInvocation(CASES * Lifecycles.COMMITS)
    public ChainReport verifyStorePerEvent() {
        return verifier.verifyStore();
    }
}
