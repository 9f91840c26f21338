package io.github.xinfang.bench;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The codec's events per second, both ways, over a realistic mix: the events of full lifecycles
 * ({@link Lifecycles}: one registration with its petition, routing, acceptance, an extension, proposals with
 * reply texts, review...), cycled. One operation is one event encoded (to type name, version and JSON payload)
 * or decoded (parsed, checked and bound through the canonical constructors).
 *
 * <p>JMH state: one instance per thread.
 *
 * @since 0.1
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {
    private CaseCodec codec;
    private CaseEvent[] events;
    private StoredEvent[] stored;
    private int next;

    @Setup
    public void setUp() {
        codec = CaseCodec.create();
        InMemoryCaseStore store = InMemoryCaseStore.create();
        CaseService service = Lifecycles.service(store);
        List<CaseEvent> all = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            CaseId id = new CaseId("BENCH-" + i);
            Lifecycles.run(service, id);
            all.addAll(service.history(id).orElseThrow().events());
        }
        events = all.toArray(new CaseEvent[0]);
        stored = new StoredEvent[events.length];
        for (int i = 0; i < events.length; i++) stored[i] = codec.encode(events[i]);
    }

    @Benchmark
    public StoredEvent encode() {
        CaseEvent e = events[next];
        next = next + 1 == events.length ? 0 : next + 1;
        return codec.encode(e);
    }

    @Benchmark
    public CaseEvent decode() {
        StoredEvent s = stored[next];
        next = next + 1 == stored.length ? 0 : next + 1;
        return codec.decode(s);
    }
}
