package io.github.xinfang.bench;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.ClusterWatch;
import io.github.xinfang.testing.Organisation;
import io.github.xinfang.testing.Organisations;
import io.github.xinfang.testing.SettableClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A daily cluster sweep (类案预警, {@link ClusterWatch#sweep}) on the in-memory store holding {@link #cases} cases
 * registered over the 90 days before the sweep, {@link #taggedPercent}% of them tagged with one of 200 housing
 * estates, employers and projects: the sweep lists the tagged cases petitioned inside its 30-day window through the
 * store's {@code ClusterQuery}, loads each and counts it. One operation is one whole sweep; after the first, every
 * cluster is already warned at its level, so it measures the counting a daily sweep repeats.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClusterBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Param({"100000"})
    int cases;

    @Param({"10"})
    int taggedPercent;

    private ClusterWatch watch;
    private Instant now;

    @Setup
    public void store() {
        Organisation org = Organisations.guigang();
        SettableClock clock = SettableClock.at(TODAY.atTime(9, 0).atZone(ZONE).toInstant());
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), org.directory(), clock).build();
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < cases; i++) {
            LocalDate on = TODAY.minusDays(random.nextInt(90));
            PetitionForm form = new PetitionForm(on, Channel.VISIT, Category.CLAIM, "城乡建设", org.region().value(), true, null,
                    List.of(new PetitionForm.Petitioner("业主", null, null, null)), 1 + random.nextInt(6), null, "逾期未交房。");
            if (random.nextInt(100) < taggedPercent) form = form.withSubjectTags("estate:" + random.nextInt(200));
            if (!service.handle(new ProcedureCommand.Register(new CaseId("C-" + i), new IdempotencyKey("r" + i),
                    org.registrarActor(), form, null)).isApplied()) {
                throw new IllegalStateException("case " + i + " was not registered");
            }
        }
        watch = ClusterWatch.create(service, ClusterWatch.Policy.standard());
        now = clock.instant();
        watch.sweep(now);
    }

    /** @return the warnings raised (none after the first sweep) */
    @Benchmark
    public int dailySweep() {
        return watch.sweep(now).size();
    }
}
