package io.github.xinfang.bench;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseService;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Retained heap per open case in the embedded default: {@code n} cases (default 100,000), each registered, routed,
 * its petitioner told and accepted (4 commits, 4 events, one snapshot: the first commit's, then the cadence's),
 * through {@link CaseService} on {@link InMemoryCaseStore}, with the cache of decoded states at its default size.
 * Heap in use is read after full collections before and after; the difference over {@code n} is the figure. Run with
 * enough heap, one JVM per size:
 *
 * <pre>{@code java -Xmx8g -cp bench/target/benchmarks.jar io.github.xinfang.bench.HeapFootprint 100000}</pre>
 */
public final class HeapFootprint {
    private HeapFootprint() {}

    /**
     * @param args the number of cases (optional)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long before = usedAfterGc();
        InMemoryCaseStore store = InMemoryCaseStore.create();
        CaseService service = Lifecycles.service(store);
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            List<CaseCommand> lifecycle = Lifecycles.commands(new CaseId(String.format(Locale.ROOT, "XF-450802-2026-%07d", i)));
            Lifecycles.run(service, lifecycle.subList(0, 4));
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "%,d open cases (4 commits each) in %d s; retained %,d bytes, %,.0f bytes per case"
                + " (store and service, cache of %d states)%n", n, seconds, after - before, (after - before) / (double) n,
                CaseService.DEFAULT_STATE_CACHE);
        // Keep both reachable until the heap was read.
        if (store.load("XF-450802-2026-0000000").isEmpty() || service == null) throw new AssertionError();
    }

    /**
     * @return heap in use after four full collections 200 ms apart, in bytes
     * @throws IllegalStateException if interrupted while waiting between collections
     */
    public static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring", e);
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
