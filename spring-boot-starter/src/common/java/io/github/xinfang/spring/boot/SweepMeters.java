package io.github.xinfang.spring.boot;

import io.github.xinfang.service.DeadlineSweep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Consumer;

/**
 * The background sweep as Micrometer meters: the counter {@code xinfang.sweep.runs} by {@code result} ({@code ok},
 * {@code failed}) and the counter {@code xinfang.sweep.records} by {@code kind} ({@code warning}, {@code breach},
 * {@code lapse}, {@code escalation}, {@code cluster-warning}): what the sweeps recorded. Thread-safe.
 */
final class SweepMeters implements Consumer<SweepRunner.Outcome> {
    private final Counter ok;
    private final Counter failed;
    private final Counter warnings;
    private final Counter breaches;
    private final Counter lapses;
    private final Counter escalations;
    private final Counter clusterWarnings;

    SweepMeters(MeterRegistry registry) {
        ok = runs(registry, "ok");
        failed = runs(registry, "failed");
        warnings = records(registry, "warning");
        breaches = records(registry, "breach");
        lapses = records(registry, "lapse");
        escalations = records(registry, "escalation");
        clusterWarnings = records(registry, "cluster-warning");
    }

    private static Counter runs(MeterRegistry registry, String result) {
        return Counter.builder("xinfang.sweep.runs").description("Runs of the xinfang deadline sweep").tag("result", result)
                .register(registry);
    }

    private static Counter records(MeterRegistry registry, String kind) {
        return Counter.builder("xinfang.sweep.records").description("What the xinfang deadline sweep recorded").tag("kind", kind)
                .register(registry);
    }

    @Override
    public void accept(SweepRunner.Outcome outcome) {
        DeadlineSweep.Report r = outcome.report();
        if (r == null) {
            failed.increment();
            return;
        }
        ok.increment();
        warnings.increment(r.warnings());
        breaches.increment(r.breaches());
        lapses.increment(r.lapses());
        escalations.increment(r.escalations());
        clusterWarnings.increment(r.clusterWarnings());
    }
}
