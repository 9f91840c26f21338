package io.github.xinfang.bench.jdbc;

import io.github.xinfang.bench.Lifecycles;
import io.github.xinfang.bench.peers.FlowableContender;
import io.github.xinfang.bench.peers.PeerPath;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import io.github.xinfang.service.CaseService;
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
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Durable, side by side on one database: the {@link PeerPath} ({@value PeerPath#LENGTH} commands on a new case) through
 * Flowable 7 ({@link FlowableContender}: BPMN user tasks, history {@code audit}, no async executor) and through
 * xinfang's {@link CaseService} over {@link JdbcCaseStore} (every command one transaction of the adapter), on H2 in
 * memory and on PostgreSQL 14 (embedded, {@code synchronous_commit=on}, {@code fsync=on}). One operation is one whole
 * path, in milliseconds. JMH state: one per trial, one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FlowableBenchmark {
    @Param({"H2_MEMORY", "POSTGRESQL"})
    public String database;

    private BenchDatabase db;
    private FlowableContender flowable;
    private CaseService xinfang;
    private long cases;

    @Setup(Level.Trial)
    public void setUp() {
        db = BenchDatabase.open(BenchDatabase.Kind.valueOf(database), 4);
        flowable = new FlowableContender(db.dataSource());
        JdbcCaseStore store = JdbcCaseStore.create(db.dataSource(), db.dialect()).migrate();
        xinfang = Lifecycles.service(store);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        flowable.close();
        db.close();
    }

    /** The path through Flowable: a process instance and nine completed user tasks. */
    @Benchmark
    public void flowable(Blackhole bh) {
        flowable.run("F-" + (++cases), bh::consume);
    }

    /** The path through xinfang on the same database: ten commits of the JDBC adapter. */
    @Benchmark
    public void xinfang() {
        Lifecycles.run(xinfang, Lifecycles.peerPath(new CaseId("X-" + (++cases))));
    }
}
