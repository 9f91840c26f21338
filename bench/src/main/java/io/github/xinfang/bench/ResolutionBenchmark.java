package io.github.xinfang.bench;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.service.BatchReports;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The resolution track's queries (积案化解: a package leader's cases, a leader's workload, a batch's cases) on
 * the {@link InMemoryCaseStore}'s indexes, against the scan a portal without {@code ResolutionQuery} would run,
 * and the batch progress report ({@link BatchReports}) over one batch of real histories.
 *
 * <p>Population, once per trial: {@link #cases} cases of which 80% are on the resolution track with an active
 * package leader drawn from 2,000 officials with Zipf-like weights (exponent {@value #LEADER_SKEW}: the heaviest
 * leads about 0.85% of them, the lightest about 0.03%) and a lead unit among 40 departments; every case has an
 * earliest due instant uniform in [now - 15 days, now + 85 days), so 15% are overdue at {@link #NOW}; one
 * synthetic batch of {@value #BATCH_SIZE} on-track cases per 4,000 cases (50 at 200,000), a case in at most two.
 * These rows are committed straight through {@code CaseStore.commit}, each with one placeholder event and
 * snapshot (nothing here decodes them). One more batch of {@value #BATCH_SIZE} cases is driven through
 * {@link CaseService} (register, enrol, assign a leader from the same weights, some hard cases, claims,
 * approvals and returns) so that {@link BatchReports} can replay real histories.
 *
 * <p>Baselines: {@code ...ScanStore} reads every case the way a store without the port allows (case ids in
 * pages of 500 from {@code IndexMaintenance.caseIdsAfter}, then {@code indexRow} per id); {@code ...ScanRows}
 * walks an array of all index rows held in memory, in case-id order: the lower bound of any scan. A first page
 * scanned in case-id order stops at its 100th match; a workload or a batch needs the whole pass.
 *
 * <p>JMH state: one population shared by the benchmark's threads (read only after setup).
 *
 * @since 0.2
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResolutionBenchmark {
    static final Instant NOW = Instant.parse("2026-06-30T02:00:00Z");
    static final double LEADER_SKEW = 0.45;
    static final int LEADERS = 2_000;
    static final int DEPARTMENTS = 40;
    static final int BATCH_SIZE = 900;
    static final int CASES_PER_BATCH = 4_000;
    static final int PAGE = 100;
    static final int BATCH_PAGE = 500;
    static final long SEED = 20_260_630L;

    private static final RegionCode REGION = new RegionCode("450802");
    private static final UnitId OFFICE = new UnitId("office");
    private static final OfficialId CLERK = new OfficialId("office-clerk");
    private static final OfficialId OFFICE_HEAD = new OfficialId("office-head");
    private static final Resolution.BatchId REPORTED = new Resolution.BatchId("JB-REAL");
    private static final Instant PAST = Instant.parse("2026-06-12T02:00:00Z");

    /** How many cases the store holds. */
    @Param({"20000", "200000"})
    public int cases;

    private InMemoryCaseStore store;
    private BatchReports reports;
    private IndexRow[] rows;
    private String heavyLeader;
    private String walkedBatch;
    private Instant populationClock;

    /** Populates the store (see the class comment) and checks that the index and the scans agree. */
    @Setup
    public void populate() {
        long started = System.nanoTime();
        store = InMemoryCaseStore.create();
        Random random = new Random(SEED);
        double[] weights = leaderWeights();
        int synthetic = cases - BATCH_SIZE;
        commitSynthetic(synthetic, weights, random);
        long syntheticDone = System.nanoTime();
        CaseService service = CaseService.builder(store, directory(), () -> populationClock).build();
        runRealBatch(service, weights, random);
        long realDone = System.nanoTime();
        reports = BatchReports.create(service);

        List<IndexRow> all = new ArrayList<>(cases);
        String after = null;
        for (List<String> ids; !(ids = store.caseIdsAfter(after, BATCH_PAGE)).isEmpty(); after = ids.get(ids.size() - 1)) {
            for (String id : ids) all.add(store.indexRow(id).orElseThrow());
        }
        rows = all.toArray(new IndexRow[0]);
        if (rows.length != cases) throw new AssertionError("rows: " + rows.length);
        Map<String, Integer> perLeader = new HashMap<>();
        for (IndexRow r : rows) r.activeLeader().ifPresent(l -> perLeader.merge(l, 1, Integer::sum));
        heavyLeader = perLeader.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        walkedBatch = "JB-00";
        check(perLeader);
        System.out.printf("%npopulated %,d cases in %.1f s (synthetic rows %.1f s, %,d real cases through CaseService %.1f s);"
                        + " leaders %,d (heaviest %s: %,d cases; median %,d); batch %s: %,d cases%n",
                cases, (System.nanoTime() - started) / 1e9, (syntheticDone - started) / 1e9, BATCH_SIZE,
                (realDone - syntheticDone) / 1e9, perLeader.size(), heavyLeader, perLeader.get(heavyLeader),
                perLeader.values().stream().sorted().skip(perLeader.size() / 2).findFirst().orElseThrow(), walkedBatch,
                batchWalkIndex());
    }

    /** Zipf-like weights, cumulated: leader i (0-based) weighs 1 / (i + 1)^{@value #LEADER_SKEW}. */
    private static double[] leaderWeights() {
        double[] cumulative = new double[LEADERS];
        double sum = 0;
        for (int i = 0; i < LEADERS; i++) cumulative[i] = sum += 1 / Math.pow(i + 1, LEADER_SKEW);
        return cumulative;
    }

    private static int drawLeader(double[] cumulative, Random random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[LEADERS - 1]);
        return i >= 0 ? i : Math.min(-i - 1, LEADERS - 1);
    }

    private static String leaderId(int i) {
        return String.format("ld-%04d", i);
    }

    private static String department(int d) {
        return String.format("dept-%02d", d);
    }

    /**
     * The petition office, 40 departments (lead units, each with a head and a staff member) and 2,000 leaders in
     * 100 county-level governments: every fifth leader is 县处级正职 (may take hard cases), the others 县处级副职.
     */
    private static OrganisationDirectory directory() {
        List<OrganisationDirectory.Unit> units = new ArrayList<>();
        List<OrganisationDirectory.Official> officials = new ArrayList<>();
        units.add(new OrganisationDirectory.Unit(OFFICE, "港北区信访局", "petition-office", "county", REGION, null));
        officials.add(new OrganisationDirectory.Official(CLERK, OFFICE, "登记员", "乡科级副职", false));
        officials.add(new OrganisationDirectory.Official(OFFICE_HEAD, OFFICE, "局长", "乡科级正职", true));
        for (int d = 0; d < DEPARTMENTS; d++) {
            UnitId unit = new UnitId(department(d));
            units.add(new OrganisationDirectory.Unit(unit, "职能部门" + d, "department", "county", REGION, null));
            officials.add(new OrganisationDirectory.Official(new OfficialId(department(d) + "-head"), unit, "局长", "乡科级正职", true));
            officials.add(new OrganisationDirectory.Official(new OfficialId(department(d) + "-staff"), unit, "科员", "乡科级副职", false));
        }
        for (int g = 0; g < LEADERS / 20; g++) {
            UnitId gov = new UnitId(String.format("gov-%03d", g));
            units.add(new OrganisationDirectory.Unit(gov, "县级人民政府" + g, "government", "county", REGION, null));
            for (int k = 0; k < 20; k++) {
                int i = g * 20 + k;
                boolean principal = i % 5 == 0;
                officials.add(new OrganisationDirectory.Official(new OfficialId(leaderId(i)), gov, principal ? "常务副县长" : "副县长",
                        principal ? "县处级正职" : "县处级副职", false));
            }
        }
        return OrganisationDirectory.of(units, officials);
    }

    /** Commits the synthetic rows: one placeholder event and snapshot per case, the index row as core would build it. */
    private void commitSynthetic(int n, double[] weights, Random random) {
        int[] leader = new int[n];
        int[] firstBatch = new int[n];
        int[] secondBatch = new int[n];
        int[] onTrack = new int[n];
        int tracked = 0;
        for (int i = 0; i < n; i++) {
            firstBatch[i] = -1;
            secondBatch[i] = -1;
            if (random.nextInt(5) == 0) {
                leader[i] = -1;
            } else {
                leader[i] = drawLeader(weights, random);
                onTrack[tracked++] = i;
            }
        }
        int batches = Math.max(1, cases / CASES_PER_BATCH);
        for (int b = 0; b < batches; b++) {
            for (int added = 0; added < BATCH_SIZE; ) {
                int i = onTrack[random.nextInt(tracked)];
                if (firstBatch[i] == -1) firstBatch[i] = b;
                else if (secondBatch[i] == -1 && firstBatch[i] != b) secondBatch[i] = b;
                else continue;
                added++;
            }
        }
        long dueSpanSeconds = Duration.ofDays(100).toSeconds();
        Instant dueFrom = NOW.minus(Duration.ofDays(15));
        for (int i = 0; i < n; i++) {
            String id = String.format("XF-%07d", i);
            String handling = department(random.nextInt(DEPARTMENTS));
            Instant due = dueFrom.plusSeconds((long) (random.nextDouble() * dueSpanSeconds));
            IndexRow.Builder row = IndexRow.builder(id).version(1).regionCode(REGION.value()).handlingUnit(handling)
                    .nextAttentionAt(due.minus(Duration.ofDays(3))).earliestDueAt(due);
            if (leader[i] < 0) {
                row.stage(random.nextBoolean() ? "IN_HANDLING" : "ROUTED").unitsInvolved(List.of(handling));
            } else {
                String lead = department(random.nextInt(DEPARTMENTS));
                List<String> in = new ArrayList<>(2);
                if (firstBatch[i] >= 0) in.add(String.format("JB-%02d", firstBatch[i]));
                if (secondBatch[i] >= 0) in.add(String.format("JB-%02d", secondBatch[i]));
                row.stage("IN_HANDLING").trackState(random.nextInt(10) == 0 ? "CLAIMED" : "IN_RESOLUTION")
                        .activeLeader(leaderId(leader[i])).leadUnit(lead).unitsInvolved(List.of(handling, lead)).batches(in);
            }
            store.commit(new CaseCommit(id, 0, List.of(new StoredEvent(id, 1, "bench.Placeholder", 1, "{}", dueFrom)),
                    new StoredSnapshot(id, 1, 1, "{}"), row.build(), "populate", "populate"));
        }
    }

    /**
     * Drives {@value #BATCH_SIZE} cases through the service: registration of an old petition, enrolment in the
     * reported batch, 1 in 20 flagged a hard case, a package leader (a 正职 for hard cases); 40% then claim
     * resolution, of which three in four are crossed off and one in four returned.
     */
    private void runRealBatch(CaseService service, double[] weights, Random random) {
        Actor clerk = Actor.official(CLERK, OFFICE);
        Actor officeHead = Actor.official(OFFICE_HEAD, OFFICE);
        int[] leader = new int[BATCH_SIZE];
        int[] lead = new int[BATCH_SIZE];
        int[] key = {0};
        populationClock = Instant.parse("2026-03-02T01:00:00Z");
        for (int i = 0; i < BATCH_SIZE; i++) {
            CaseId id = realId(i);
            PetitionForm form = new PetitionForm(LocalDate.of(2019, 5, 6).plusDays(2L * i), Channel.VISIT, Category.CLAIM, "自然资源",
                    REGION.value(), true, null, List.of(new PetitionForm.Petitioner("测试甲", null, null, null)), 1, null, "样例：虚构的积案。");
            apply(service, new ProcedureCommand.Register(id, key(key), clerk, form, null));
            apply(service, new ResolutionCommand.EnrolInBatch(id, key(key), officeHead, REPORTED, Resolution.IssuingLevel.CITY, "第二批交办积案",
                    LocalDate.of(2026, 6, 30), LocalDate.of(2026, 3, 2)));
            boolean hard = i % 20 == 0;
            if (hard) apply(service, new ResolutionCommand.FlagHardCase(id, key(key), officeHead, "钉子案", LocalDate.of(2026, 3, 2)));
            int l = drawLeader(weights, random);
            leader[i] = hard ? l - l % 5 : l;
            lead[i] = random.nextInt(DEPARTMENTS);
        }
        populationClock = Instant.parse("2026-03-04T01:00:00Z");
        for (int i = 0; i < BATCH_SIZE; i++) {
            UnitId unit = new UnitId(department(lead[i]));
            apply(service, new ResolutionCommand.AssignPackageLeader(realId(i), key(key), officeHead, new OfficialId(leaderId(leader[i])),
                    unit, List.of(new OfficialId(department(lead[i]) + "-staff")), List.of(), LocalDate.of(2026, 3, 4)));
        }
        populationClock = Instant.parse("2026-06-10T01:00:00Z");
        for (int i = 0; i < BATCH_SIZE; i += 5) {
            for (int j = i; j < i + 2; j++) {
                Actor head = Actor.official(new OfficialId(department(lead[j]) + "-head"), new UnitId(department(lead[j])));
                apply(service, new ResolutionCommand.ClaimResolution(realId(j), key(key), head,
                        j % 3 == 0 ? Resolution.ResolutionKind.PROCEDURAL : Resolution.ResolutionKind.SUBSTANTIVE, "化解材料齐全（示例）", LocalDate.of(2026, 6, 10)));
            }
        }
        populationClock = Instant.parse("2026-06-15T01:00:00Z");
        for (int i = 0; i < BATCH_SIZE; i += 5) {
            for (int j = i; j < i + 2; j++) {
                apply(service, (i / 5) % 2 == 1 && j == i + 1
                        ? new ResolutionCommand.RejectResolution(realId(j), key(key), officeHead, "化解材料不实", LocalDate.of(2026, 6, 15))
                        : new ResolutionCommand.ApproveResolution(realId(j), key(key), officeHead, LocalDate.of(2026, 6, 15)));
            }
        }
        populationClock = NOW;
    }

    private static CaseId realId(int i) {
        return new CaseId(String.format("JB-R-%04d", i));
    }

    private static IdempotencyKey key(int[] counter) {
        return new IdempotencyKey("populate-" + ++counter[0]);
    }

    private static void apply(CaseService service, CaseCommand command) {
        CommandResult r = service.handle(command);
        if (!(r instanceof CommandResult.Applied)) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " on " + command.caseId() + " not applied: " + r);
        }
    }

    /** The indexes and the scans must give the same answers, or the comparison means nothing. */
    private void check(Map<String, Integer> perLeader) {
        if (!store.byActiveLeader(heavyLeader, null, PAGE).equals(leaderPageScanRows())) throw new AssertionError("first page");
        if (!leaderPageScanStore().equals(leaderPageScanRows())) throw new AssertionError("first page, store scan");
        LeaderWorkload w = workloadIndex();
        if (w.activeCases() != perLeader.get(heavyLeader) || !w.equals(workloadScanRows()) || !w.equals(workloadScanStore())) {
            throw new AssertionError("workload " + w + " / " + workloadScanRows());
        }
        if (batchWalkIndex() != batchWalkScanRows() || batchWalkIndex() < BATCH_SIZE) throw new AssertionError("batch walk");
        BatchReports.Progress p = batchProgress();
        if (p.cases() != BATCH_SIZE || p.claimed() == 0 || p.resolved() == 0) throw new AssertionError("progress " + p);
        System.out.printf("%nheavy leader workload: %s; batch %s progress now: %s; as of %s: %s%n", w, REPORTED, p, PAST,
                batchProgressPast());
    }

    /** @return the heavy leader's first page of {@value #PAGE} cases, from the leader index */
    @Benchmark
    public List<IndexRow> leaderPageIndex() {
        return store.byActiveLeader(heavyLeader, null, PAGE);
    }

    /** @return the same page, reading rows through the store in case-id order until the 100th match */
    @Benchmark
    public List<IndexRow> leaderPageScanStore() {
        List<IndexRow> page = new ArrayList<>(PAGE);
        String after = null;
        for (List<String> ids; !(ids = store.caseIdsAfter(after, BATCH_PAGE)).isEmpty(); after = ids.get(ids.size() - 1)) {
            for (String id : ids) {
                IndexRow r = store.indexRow(id).orElseThrow();
                if (r.activeLeader().map(heavyLeader::equals).orElse(false)) {
                    page.add(r);
                    if (page.size() == PAGE) return page;
                }
            }
        }
        return page;
    }

    /** @return the same page, walking the in-memory array of rows in case-id order until the 100th match */
    @Benchmark
    public List<IndexRow> leaderPageScanRows() {
        List<IndexRow> page = new ArrayList<>(PAGE);
        for (IndexRow r : rows) {
            if (r.activeLeader().map(heavyLeader::equals).orElse(false)) {
                page.add(r);
                if (page.size() == PAGE) break;
            }
        }
        return page;
    }

    /** @return the heavy leader's active and overdue counts at {@link #NOW}, from the leader index */
    @Benchmark
    public LeaderWorkload workloadIndex() {
        return store.workload(heavyLeader, NOW);
    }

    /** @return the same counts, reading every row through the store */
    @Benchmark
    public LeaderWorkload workloadScanStore() {
        WorkloadCount count = new WorkloadCount(heavyLeader);
        String after = null;
        for (List<String> ids; !(ids = store.caseIdsAfter(after, BATCH_PAGE)).isEmpty(); after = ids.get(ids.size() - 1)) {
            for (String id : ids) count.add(store.indexRow(id).orElseThrow());
        }
        return count.workload();
    }

    /** @return the same counts, walking the in-memory array of rows */
    @Benchmark
    public LeaderWorkload workloadScanRows() {
        WorkloadCount count = new WorkloadCount(heavyLeader);
        for (IndexRow r : rows) count.add(r);
        return count.workload();
    }

    /** A leader's workload as of {@link #NOW}, counted the way the scans do: one row at a time. */
    private static final class WorkloadCount {
        private final String leader;
        private long active;
        private long overdue;

        WorkloadCount(String leader) {
            this.leader = leader;
        }

        /** Counts a row if its active leader is the leader (and as overdue if its earliest due instant has passed). */
        void add(IndexRow r) {
            if (r.activeLeader().map(leader::equals).orElse(false)) {
                active++;
                if (r.earliestDueAt().map(t -> !t.isAfter(NOW)).orElse(false)) overdue++;
            }
        }

        LeaderWorkload workload() {
            return new LeaderWorkload(leader, NOW, active, overdue);
        }
    }

    /** @return the rows of one {@value #BATCH_SIZE}-case batch, walked in keyset pages of {@value #BATCH_PAGE} */
    @Benchmark
    public int batchWalkIndex() {
        int seen = 0;
        String after = null;
        while (true) {
            List<IndexRow> page = store.byBatch(walkedBatch, after, BATCH_PAGE);
            seen += page.size();
            if (page.size() < BATCH_PAGE) return seen;
            after = page.get(page.size() - 1).caseId();
        }
    }

    /** @return the rows of the same batch, walking the in-memory array of rows */
    @Benchmark
    public int batchWalkScanRows() {
        int seen = 0;
        for (IndexRow r : rows) if (r.batches().contains(walkedBatch)) seen++;
        return seen;
    }

    /** @return the progress of the batch of real histories now (each case's history loaded and decoded) */
    @Benchmark
    public BatchReports.Progress batchProgress() {
        return reports.progress(REPORTED, NOW);
    }

    /** @return its progress as of 12 June, between the claims and their approval (histories replayed up to then) */
    @Benchmark
    public BatchReports.Progress batchProgressPast() {
        return reports.progress(REPORTED, PAST);
    }
}
