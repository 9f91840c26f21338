package io.github.xinfang.bench.jdbc;

import io.github.xinfang.bench.Lifecycles;
import io.github.xinfang.bench.peers.PeerPath;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.CaseStore;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two PostgreSQL servers, one per province (Guangxi 45, Guangdong 44), behind a {@link RegionRoutingStore}: commits per
 * second of the {@link PeerPath} on new cases alternating between the provinces, beside one server holding both
 * ({@code shards=1}). Run with {@code -t 4} (or more) to load both servers. On one 2-core machine both servers share
 * the CPU, so the figure shows that routing costs nothing, not how two machines scale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ShardedScaleBenchmark {
    /** One server for both provinces, or one each. */
    @Param({"1", "2"})
    public int shards;

    private BenchDatabase guangxi;
    private BenchDatabase guangdong;
    private CaseService service;
    private final AtomicLong cases = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
        guangxi = BenchDatabase.open(BenchDatabase.Kind.POSTGRESQL, 16);
        CaseStore gx = JdbcCaseStore.create(guangxi.dataSource(), guangxi.dialect()).migrate();
        CaseStore gd = gx;
        if (shards == 2) {
            guangdong = BenchDatabase.open(BenchDatabase.Kind.POSTGRESQL, 16);
            gd = JdbcCaseStore.create(guangdong.dataSource(), guangdong.dialect()).migrate();
        }
        service = Lifecycles.service(new RegionRoutingStore(Map.of("45", gx, "44", gd)));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        guangxi.close();
        if (guangdong != null) guangdong.close();
    }

    /** One path of a new case, in Guangxi or Guangdong by turns: {@value PeerPath#LENGTH} commits. */
    @Benchmark
    @OperationsPerInvocation(PeerPath.LENGTH)
    public void commits() {
        long n = cases.incrementAndGet();
        String region = n % 2 == 0 ? "450802" : "440103";
        Lifecycles.run(service, Lifecycles.peerPath(new CaseId(String.format(Locale.ROOT, "XF-%s-2026-%07d", region, n))));
    }
}
