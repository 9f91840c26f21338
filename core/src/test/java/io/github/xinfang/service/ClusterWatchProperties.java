package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Cluster warnings (类案预警) fire once per level: over generated histories (tagged and untagged petitions registered in
 * a few regions, repeat petitions with their headcounts, tags corrected, cases routed, days passing, sweeps), each
 * sweep raises exactly the warnings a small independent model expects (per region prefix and tag, the petitions and
 * persons of the window ending on the sweep's day; a warning when the highest level reached is above the highest
 * warned before), each with the model's counts, cases and addressee; a second sweep at the same instant raises
 * nothing, and the stored warnings are the ones raised.
 */
class ClusterWatchProperties {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final List<String> REGIONS = List.of("450802", "450803", "450881", "451002");
    private static final List<String> TAGS = List.of("estate:金港华府", "employer:糖厂", "project:江北安置区");
    private static final List<UnitId> UNITS = List.of(Org.HOUSING, Org.LABOUR, Org.LAND);
    private static final UnitId OFFICE = new UnitId("office");
    /** What the runs raised, printed after them: warnings at levels 1, 2, 3. */
    private static final LongAdder[] RAISED = {new LongAdder(), new LongAdder(), new LongAdder()};

    /** One step: an action, a case index and two numbers the action uses. */
    record Step(int action, int caseIndex, int a, int b) {}

    /** The model of one case: its region, current tags, handling unit, and petitions (day, headcount). */
    static final class ModelCase {
        final CaseId id;
        final String region;
        List<String> tags;
        UnitId unit;
        final List<LocalDate> days = new ArrayList<>();
        final List<Integer> heads = new ArrayList<>();

        ModelCase(CaseId id, String region, List<String> tags) {
            this.id = id;
            this.region = region;
            this.tags = tags;
        }
    }

    /** The model's expectation of one warning. */
    record Expected(String id, int petitions, int persons, List<CaseId> cases, UnitId addressee) {}

    private static Gen<Step> steps() {
        return integers().between(0, 9).zip(integers().between(0, 11), integers().between(0, 7), integers().between(0, 5), Step::new);
    }

    private static Gen<ClusterWatch.Policy> policies() {
        return integers().between(1, 12).zip(integers().between(0, 1), (w, d) -> new ClusterWatch.Policy(w, d == 0 ? 4 : 6,
                List.of(new ClusterWatch.Level(2, 5), new ClusterWatch.Level(4, 9), new ClusterWatch.Level(7, 14)),
                Map.of("45", OFFICE)));
    }

    @Test
    void eachSweepRaisesExactlyTheWarningsTheModelExpectsAndASecondSweepRaisesNone() {
        qt().withExamples(150).withShrinkCycles(200)
                .forAll(policies(), lists().of(steps()).ofSizeBetween(10, 70))
                .checkAssert(this::run);
        System.out.printf("cluster warnings raised at levels 1, 2, 3: %d, %d, %d%n",
                RAISED[0].sum(), RAISED[1].sum(), RAISED[2].sum());
        assertThat(RAISED[0].sum()).isPositive();
        assertThat(RAISED[2].sum()).isPositive();
    }

    private void run(ClusterWatch.Policy policy, List<Step> steps) {
        TestClock clock = TestClock.at(START.atTime(9, 0).atZone(ZONE).toInstant());
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock).build();
        ClusterWatch watch = ClusterWatch.create(service, policy);
        List<ModelCase> cases = new ArrayList<>();
        Map<String, Integer> warned = new TreeMap<>();
        List<String> raisedIds = new ArrayList<>();
        int keys = 0;
        for (Step step : steps) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
            ModelCase c = cases.isEmpty() ? null : cases.get(step.caseIndex() % cases.size());
            CaseCommand command = null;
            switch (step.action()) {
                case 0, 1, 2 -> {
                    CaseId id = new CaseId("c" + (cases.size() + 10));
                    LocalDate on = today.minusDays(step.b() % 3);
                    ModelCase m = new ModelCase(id, REGIONS.get(step.caseIndex() % REGIONS.size()), tags(step.a()));
                    m.days.add(on);
                    m.heads.add(step.b() + 1);
                    cases.add(m);
                    command = new ProcedureCommand.Register(id, new IdempotencyKey("k" + keys++), Org.clerk(),
                            form(on, m.region, step.b() + 1).withSubjectTags(m.tags.toArray(String[]::new)), null);
                }
                case 3, 4 -> {
                    if (c == null) continue;
                    c.days.add(today);
                    c.heads.add(step.a() + 1);
                    command = new ActivityCommand.RecordRepeatPetition(c.id, new IdempotencyKey("k" + keys++), Org.clerk(), today,
                            Channel.VISIT, step.a() + 1, CaseActivity.SkippedLevel.NONE);
                }
                case 5 -> {
                    if (c == null) continue;
                    c.tags = tags(step.a());
                    command = new ActivityCommand.CorrectSubjectTags(c.id, new IdempotencyKey("k" + keys++), Org.clerk(), c.tags);
                }
                case 6 -> {
                    if (c == null || c.unit != null) continue;
                    c.unit = UNITS.get(step.a() % UNITS.size());
                    command = new ProcedureCommand.Route(c.id, new IdempotencyKey("k" + keys++), Org.clerk(), c.unit, today);
                }
                case 7 -> clock.advance(Duration.ofDays(step.a() + 1L));
                default -> {
                    List<Expected> expected = expect(policy, cases, warned, today);
                    List<ClusterWatch.Warning> raised = watch.sweep(clock.instant());
                    assertThat(raised).extracting(w -> new Expected(w.id(), w.petitions(), w.persons(), w.cases(), w.addressee()))
                            .as("day %s", today).containsExactlyElementsOf(expected);
                    for (ClusterWatch.Warning w : raised) {
                        assertThat(w.windowTo()).isEqualTo(today);
                        assertThat(w.windowFrom()).isEqualTo(today.minusDays(policy.windowDays() - 1L));
                        assertThat(w.raisedAt()).isEqualTo(clock.instant());
                        RAISED[w.level() - 1].increment();
                        raisedIds.add(w.id());
                    }
                    assertThat(watch.sweep(clock.instant())).as("a second sweep on %s", today).isEmpty();
                }
            }
            if (command != null) {
                assertThat(service.handle(command).isApplied()).as("%s", command).isTrue();
            }
        }
        assertThat(watch.warnings("")).extracting(ClusterWatch.Warning::id).containsExactlyInAnyOrderElementsOf(raisedIds);
    }

    /** The model: the warnings a sweep on {@code today} raises, by id, recording them as warned. */
    private static List<Expected> expect(ClusterWatch.Policy policy, List<ModelCase> cases, Map<String, Integer> warned,
                                         LocalDate today) {
        LocalDate from = today.minusDays(policy.windowDays() - 1L);
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, TreeSet<String>> members = new TreeMap<>();
        Map<String, Map<UnitId, Integer>> units = new TreeMap<>();
        for (ModelCase c : cases) {
            int petitions = 0;
            int persons = 0;
            for (int i = 0; i < c.days.size(); i++) {
                if (!c.days.get(i).isBefore(from) && !c.days.get(i).isAfter(today)) {
                    petitions++;
                    persons += c.heads.get(i);
                }
            }
            if (petitions == 0) continue;
            for (String tag : c.tags) {
                String key = c.region.substring(0, policy.regionDigits()) + ":" + tag;
                int[] n = counts.computeIfAbsent(key, k -> new int[2]);
                n[0] += petitions;
                n[1] += persons;
                members.computeIfAbsent(key, k -> new TreeSet<>()).add(c.id.value());
                if (c.unit != null) units.computeIfAbsent(key, k -> new TreeMap<>((x, y) -> x.value().compareTo(y.value())))
                        .merge(c.unit, 1, Integer::sum);
            }
        }
        List<Expected> out = new ArrayList<>();
        int[][] thresholds = {{2, 5}, {4, 9}, {7, 14}};
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int level = 0;
            for (int i = 0; i < thresholds.length; i++) {
                if (e.getValue()[0] >= thresholds[i][0] || e.getValue()[1] >= thresholds[i][1]) level = i + 1;
            }
            if (level == 0 || warned.getOrDefault(e.getKey(), 0) >= level) continue;
            warned.put(e.getKey(), level);
            UnitId addressee = OFFICE;
            int most = 0;
            for (Map.Entry<UnitId, Integer> u : units.getOrDefault(e.getKey(), Map.of()).entrySet()) {
                if (u.getValue() > most) {
                    addressee = u.getKey();
                    most = u.getValue();
                }
            }
            out.add(new Expected(e.getKey() + "#" + level, e.getValue()[0], e.getValue()[1],
                    members.get(e.getKey()).stream().map(CaseId::new).toList(), addressee));
        }
        return out;
    }

    /** Bits 0 to 2 of {@code bits} pick the tags (0: an untagged petition). */
    private static List<String> tags(int bits) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < TAGS.size(); i++) {
            if ((bits & (1 << i)) != 0) out.add(TAGS.get(i));
        }
        return out.stream().sorted().toList();
    }

    private static PetitionForm form(LocalDate on, String region, int headcount) {
        return new PetitionForm(on, Channel.VISIT, Category.CLAIM, "城乡建设", region, true, null,
                List.of(new PetitionForm.Petitioner("覃某", null, null, null)), headcount, null, "内容");
    }
}
