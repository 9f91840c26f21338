package io.github.xinfang.bench.jdbc;

import io.github.xinfang.bench.Lifecycles;
import io.github.xinfang.bench.peers.PeerPath;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import io.github.xinfang.service.CaseService;
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
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commits per second through {@link CaseService} over {@link JdbcCaseStore} with several client threads, each on cases
 * of its own (the {@link PeerPath}'s {@value PeerPath#LENGTH} commands on a new case per operation): run with JMH's
 * {@code -t 1}, {@code -t 4}, {@code -t 16}. One pool of 16 connections and one service shared by the threads, as in a
 * portal's node. Throughput is per commit, summed over the threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JdbcScaleBenchmark {
    @Param({"POSTGRESQL"})
    public String database;

    private BenchDatabase db;
    private CaseService service;
    private final AtomicLong cases = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
        db = BenchDatabase.open(BenchDatabase.Kind.valueOf(database), 16);
        service = Lifecycles.service(JdbcCaseStore.create(db.dataSource(), db.dialect()).migrate());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        db.close();
    }

    /** One path of a case no other thread touches: {@value PeerPath#LENGTH} commits. */
    @Benchmark
    @OperationsPerInvocation(PeerPath.LENGTH)
    public void commits() {
        Lifecycles.run(service, Lifecycles.peerPath(new CaseId("S-" + cases.incrementAndGet())));
    }
}
