package io.github.xinfang.bench.peers;

import io.github.xinfang.bench.Lifecycles;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseDecider;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.EscalationPolicy;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.time.TimeLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * xinfang beside the state-machine libraries a portal would otherwise model the procedure in, on one path
 * ({@link PeerPath}, {@value PeerPath#LENGTH} commands on a new case), in one JMH run. One operation is one whole
 * path; time and allocation (with {@code -prof gc}) are per path.
 *
 * <ul>
 *   <li>{@link #floor}: an enum table, the two guards and one JSON event per transition: what any engine must at
 *       least do;</li>
 *   <li>{@link #stateless4j}, {@link #squirrel}, {@link #springStatemachine}: the same transitions, guards and
 *       events through each engine, restoring each case from the contenders' in-memory store per command (Spring
 *       Statemachine through its factory and a persister);</li>
 *   <li>{@link #xinfangDecideEvolve}: xinfang's decider and evolve function on the same path (every rule of the
 *       procedure and the time limits on the official calendar; no store, no encoding);</li>
 *   <li>{@link #xinfangWarm} and {@link #xinfangCold}: {@link CaseService#handle} on the in-memory store, with the
 *       cache of decoded states at its default size (the case's state is a cache hit) and with the cache off (every
 *       command decodes the stored snapshot: the figure a portal with far more open cases than cache sees). Each
 *       command is checked, digested, looked up for idempotency, decided, its event encoded and chained, the index row
 *       built, and committed with the snapshot.</li>
 * </ul>
 * Commands (and xinfang's digests) are built inside the measured operation. JMH state: one per thread; the stores are
 * emptied at each iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PeersBenchmark {
    private static final Instant RECORDED_AT = Lifecycles.CLOCK.instant();

    private final Contender floor = new Contender.Floor();
    private final Contender stateless4j = new Stateless4jContender();
    private final Contender squirrel = new SquirrelContender();
    private SpringStatemachineContender spring;
    private final CaseDecider decider = CaseDecider.create(TimeLimits.standard(), Lifecycles.DIRECTORY,
            RankLadder.civilService(), EscalationPolicy.standard());
    private CaseService warm;
    private CaseService cold;
    private long cases;

    @Setup(Level.Trial)
    public void startSpring() {
        spring = new SpringStatemachineContender();
    }

    @TearDown(Level.Trial)
    public void stopSpring() {
        spring.close();
    }

    @Setup(Level.Iteration)
    public void freshStores() {
        floor.clear();
        stateless4j.clear();
        squirrel.clear();
        spring.clear();
        warm = Lifecycles.service(InMemoryCaseStore.create());
        cold = CaseService.builder(InMemoryCaseStore.create(), Lifecycles.DIRECTORY, Lifecycles.CLOCK).stateCache(0).build();
    }

    private String nextCase() {
        return "P-" + (++cases);
    }

    @Benchmark
    public void floor(Blackhole bh) {
        floor.run(nextCase(), bh::consume);
    }

    @Benchmark
    public void stateless4j(Blackhole bh) {
        stateless4j.run(nextCase(), bh::consume);
    }

    @Benchmark
    public void squirrel(Blackhole bh) {
        squirrel.run(nextCase(), bh::consume);
    }

    @Benchmark
    public void springStatemachine(Blackhole bh) {
        spring.run(nextCase(), bh::consume);
    }

    @Benchmark
    public CaseState xinfangDecideEvolve() {
        return decideEvolve(decider, new CaseId(nextCase()));
    }

    @Benchmark
    public void xinfangWarm() {
        Lifecycles.run(warm, Lifecycles.peerPath(new CaseId(nextCase())));
    }

    @Benchmark
    public void xinfangCold() {
        Lifecycles.run(cold, Lifecycles.peerPath(new CaseId(nextCase())));
    }

    /**
     * Decides and evolves the path of a new case.
     *
     * @throws IllegalStateException if a command is rejected
     */
    static CaseState decideEvolve(CaseDecider decider, CaseId id) {
        CaseState state = null;
        for (CaseCommand c : Lifecycles.peerPath(id)) {
            CaseDecider.Decision d = decider.decide(state, c, RECORDED_AT);
            if (!(d instanceof CaseDecider.Decision.Accepted accepted)) {
                throw new IllegalStateException(c.getClass().getSimpleName() + " rejected: " + d);
            }
            for (CaseEvent e : accepted.events()) state = CaseState.evolve(state, e);
        }
        return state;
    }
}
