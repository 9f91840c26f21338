package io.github.xinfang.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.SweepEvent;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.testsupport.ForwardingStore;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.service.DeadlineSweep;
import io.github.xinfang.time.Obligation.ClockId;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Several nodes, one database: two {@link CaseService}s, each over its own {@link JdbcCaseStore} and its own
 * connection pool, on one database, run the lifecycle commands of a few shared cases from several
 * threads at once. Every thread sends every step of every case under the step's shared key (a portal resending
 * to whichever node answers) and sometimes again under a key of its own (a second clerk pressing the same
 * button). Afterwards: no update is lost, every rejection is typed, and every history replays to its snapshot.
 * Then both nodes run the {@link DeadlineSweep} at once, while clerks route cases on both: each warning and
 * each breach is recorded once. One subclass per database.
 */
abstract class MultiNodeContract extends DatabaseContract {
    private static final int NODES = 2;
    private static final int THREADS_PER_NODE = 3;
    private static final int CASES = 5;
    private static final int MAX_RETRIES = 5;

    /** What the lifecycle itself answers to a step sent twice, early or late; plus the service's give-up. */
    private static final Set<Rejection.Code> EXPECTED_CODES =
            EnumSet.of(Rejection.Code.CASE_EXISTS, Rejection.Code.ILLEGAL_TRANSITION, Rejection.Code.VERSION_CONFLICT);

    private record Sent(int thread, CaseCommand command, CommandResult result, int conflictsSeen) {}

    /** @param kind the database the nodes share */
    MultiNodeContract(TestDatabase.Kind kind) {
        super(kind);
    }

    @Test
    void twoNodesWithTheirOwnPoolsLoseNoUpdateAndEveryHistoryReplaysToItsSnapshot() throws Exception {
        try (TestDatabase db = TestDatabase.open(kind())) {
            db.store();   // migrates once
            List<CountingStore> stores = new ArrayList<>();
            List<CaseService> nodes = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                CountingStore store = new CountingStore(JdbcCaseStore.create(db.pool(THREADS_PER_NODE), db.dialect()));
                stores.add(store);
                nodes.add(CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).maxRetries(MAX_RETRIES).build());
            }
            List<CaseId> cases = new ArrayList<>();
            for (int c = 0; c < CASES; c++) cases.add(new CaseId("XF-450802-2026-" + String.format("%06d", c + 1)));

            int threads = NODES * THREADS_PER_NODE;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<Sent>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                CaseService node = nodes.get(t % NODES);
                CountingStore store = stores.get(t % NODES);
                futures.add(pool.submit(() -> {
                    Random random = new Random(1_000L + thread);
                    List<Sent> sent = new ArrayList<>();
                    start.await();
                    for (int step = 0; step < Domain.LIFECYCLE_STEPS; step++) {
                        List<CaseId> order = new ArrayList<>(cases);
                        Collections.shuffle(order, random);
                        for (CaseId id : order) {
                            List<String> keys = new ArrayList<>(List.of(id.value() + "/" + step));
                            if (random.nextInt(3) == 0) keys.add(id.value() + "/" + step + "/t" + thread);
                            for (String key : keys) {
                                CaseCommand command = Domain.step(id, step, unitOf(id, cases), key);
                                long before = store.conflictsOnThisThread();
                                CommandResult result = node.handle(command);
                                sent.add(new Sent(thread, command, result, (int) (store.conflictsOnThisThread() - before)));
                            }
                        }
                    }
                    return sent;
                }));
            }
            List<Sent> all = new ArrayList<>();
            for (Future<List<Sent>> f : futures) all.addAll(f.get());
            pool.shutdown();

            check(stores.get(0).jdbc(), cases, all);
        }
    }

    @Test
    void twoNodesSweepingConcurrentlyWhileCommandsRunRecordEachWarningAndBreachOnce() throws Exception {
        try (TestDatabase db = TestDatabase.open(kind())) {
            db.store();
            AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-10T02:00:00Z"));
            InstantSource clock = now::get;
            List<CaseService> nodes = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                nodes.add(CaseService.builder(JdbcCaseStore.create(db.pool(THREADS_PER_NODE), db.dialect()),
                        Domain.DIRECTORY, clock).maxRetries(MAX_RETRIES).build());
            }
            int cases = 30;
            List<CaseId> ids = new ArrayList<>();
            for (int i = 0; i < cases; i++) {
                CaseId id = new CaseId("XF-SWEEP-" + i);
                ids.add(id);
                // Received 2 to 6 March: routing is due 15 days later, warned 3 days before.
                PetitionForm form = Domain.claim();
                form = new PetitionForm(LocalDate.parse("2026-03-02").plusDays(i % 5), form.channel(), form.category(),
                        form.subjectArea(), form.regionCode(), form.firstPetition(), form.repeatsCase(), form.petitioners(),
                        form.headcount(), form.accused(), form.summary());
                assertThat(nodes.get(i % NODES).handle(new ProcedureCommand.Register(id, new IdempotencyKey(id.value() + "/register"),
                        Domain.clerk(), form, null)).isApplied()).isTrue();
            }
            List<DeadlineSweep.Report> reports = Collections.synchronizedList(new ArrayList<>());
            // Sweeps at three instants: warnings due, then breaches due, then nothing left to record. During
            // the first two, a clerk on each node routes some cases (which stops their routing clock).
            Set<CaseId> routed = ConcurrentHashMap.newKeySet();
            String[] instants = {"2026-03-16T02:00:00Z", "2026-03-25T02:00:00Z", "2026-03-25T02:00:00Z"};
            for (int round = 0; round < instants.length; round++) {
                now.set(Instant.parse(instants[round]));
                LocalDate today = LocalDate.parse(instants[round].substring(0, 10));
                int r = round;
                CyclicBarrier start = new CyclicBarrier(2 * NODES);
                ExecutorService pool = Executors.newFixedThreadPool(2 * NODES);
                List<Future<?>> done = new ArrayList<>();
                for (int n = 0; n < NODES; n++) {
                    CaseService node = nodes.get(n);
                    String owner = "node-" + n;
                    done.add(pool.submit(() -> {
                        start.await();
                        reports.add(DeadlineSweep.create(node, owner, Duration.ofMinutes(5), 3).sweep(now.get()));
                        return null;
                    }));
                    int nodeIndex = n;
                    done.add(pool.submit(() -> {
                        start.await();
                        if (r >= 2) return null;
                        for (int i = nodeIndex + 2 * r; i < cases; i += 7) {
                            CaseId id = ids.get(i);
                            CommandResult res = node.handle(new ProcedureCommand.Route(id, new IdempotencyKey(id.value() + "/route"),
                                    Domain.clerk(), Domain.HOUSING, today));
                            if (res.isApplied()) {
                                routed.add(id);
                            } else {
                                assertThat(((CommandResult.Rejected) res).rejection().code()).as("route %s", id)
                                        .isIn(EXPECTED_CODES);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get();
                pool.shutdown();
                if (round == 2) {
                    assertThat(reports.subList(reports.size() - NODES, reports.size())).as("a sweep at the same instant again")
                            .allSatisfy(rep -> assertThat(rep.recorded()).isZero());
                }
            }

            JdbcCaseStore store = JdbcCaseStore.create(db.pool(2), db.dialect());
            CaseCodec codec = CaseCodec.create();
            int warnings = 0;
            int breaches = 0;
            for (CaseId id : ids) {
                StoredCase stored = store.load(id.value()).orElseThrow();
                List<CaseEvent> history = Domain.decode(codec, stored);
                Map<String, Integer> records = new HashMap<>();
                for (CaseEvent e : history) {
                    if (e instanceof SweepEvent.WarningRecorded w) {
                        records.merge("warning " + w.clock() + " #" + w.round(), 1, Integer::sum);
                        warnings++;
                    } else if (e instanceof SweepEvent.BreachRecorded b) {
                        records.merge("breach " + b.clock() + " #" + b.round(), 1, Integer::sum);
                        breaches++;
                    }
                }
                assertThat(records.values()).as("%s: each warning and breach recorded once: %s", id, records).allMatch(c -> c == 1);
                if (!routed.contains(id)) {
                    assertThat(records).as("%s: never routed, its routing clock is breached", id)
                            .containsEntry("breach " + ClockId.ROUTING + " #1", 1);
                }
                CaseState[] replayed = Domain.replayedAndStored(codec, stored);
                assertThat(replayed[0]).as("%s: the history replays to the stored snapshot", id).isEqualTo(replayed[1]);
            }
            assertThat(reports.stream().mapToInt(DeadlineSweep.Report::warnings).sum()).as("warnings the sweeps report").isEqualTo(warnings);
            assertThat(reports.stream().mapToInt(DeadlineSweep.Report::breaches).sum()).as("breaches the sweeps report").isEqualTo(breaches);
            assertThat(breaches).isGreaterThanOrEqualTo(cases - routed.size());
        }
    }

    private static UnitId unitOf(CaseId id, List<CaseId> cases) {
        return cases.indexOf(id) % 2 == 0 ? Domain.HOUSING : Domain.LABOUR;
    }

    private static void check(JdbcCaseStore store, List<CaseId> cases, List<Sent> all) {
        CaseCodec codec = CaseCodec.create();
        Map<String, TreeMap<Long, Sent>> firstApplied = new HashMap<>();
        Map<String, Set<String>> casesGivingUp = new HashMap<>();
        for (Sent s : all) {
            String caseId = s.command().caseId().value();
            if (s.result() instanceof CommandResult.Rejected r) {
                Rejection.Code code = r.rejection().code();
                assertThat(code).as("rejection of %s: a lifecycle code or the service's give-up", s.command()).isIn(EXPECTED_CODES);
                if (code == Rejection.Code.VERSION_CONFLICT) {
                    assertThat(s.conflictsSeen()).as("VERSION_CONFLICT only after %d retries", MAX_RETRIES)
                            .isEqualTo(MAX_RETRIES + 1);
                    casesGivingUp.computeIfAbsent(caseId, k -> new HashSet<>()).add(s.command().key().value());
                }
                continue;
            }
            CommandResult.Applied a = (CommandResult.Applied) s.result();
            // Applied now or earlier: the store holds the command's commit at the version the service reported.
            AppliedCommand recorded = store.findApplied(caseId, s.command().key().value()).orElseThrow(() ->
                    new AssertionError("applied command " + s.command().key() + " has no idempotency record"));
            assertThat(recorded.versionAfter()).as("version of %s", s.command().key()).isEqualTo(a.version());
            List<CaseEvent> recordedEvents = new ArrayList<>();
            recorded.events().forEach(e -> recordedEvents.add(codec.decode(e)));
            assertThat(a.events()).as("events of %s as answered and as stored", s.command().key()).isEqualTo(recordedEvents);
            if (!a.replayed()) {
                Sent earlier = firstApplied.computeIfAbsent(caseId, k -> new TreeMap<>()).put(a.version(), s);
                assertThat(earlier).as("two commands applied at version %d of %s: %s", a.version(), caseId, earlier).isNull();
            }
        }

        long commits = 0;
        Set<String> expectedFeed = new HashSet<>();
        for (CaseId id : cases) {
            StoredCase stored = store.load(id.value()).orElseThrow();
            TreeMap<Long, Sent> applied = firstApplied.getOrDefault(id.value(), new TreeMap<>());
            assertThat(applied.keySet()).as("%s: versions of applied commands, gap-free", id)
                    .containsExactlyElementsOf(JdbcCaseStoreContract.range(1, stored.version()));
            List<CaseEvent> expected = new ArrayList<>();
            for (Sent s : applied.values()) expected.addAll(((CommandResult.Applied) s.result()).events());
            List<CaseEvent> history = Domain.decode(codec, stored);
            assertThat(history).as("%s: every applied command's events, once each, in commit order", id).isEqualTo(expected);
            for (int i = 0; i < history.size(); i++) assertThat(history.get(i).sequence()).isEqualTo(i + 1L);

            CaseState[] replayed = Domain.replayedAndStored(codec, stored);
            assertThat(replayed[0]).as("%s: the history replays to the stored snapshot", id).isEqualTo(replayed[1]);
            assertThat(stored.snapshot().version()).as("%s: a snapshot at most every %d commits", id, CaseService.DEFAULT_SNAPSHOT_EVERY)
                    .isBetween(stored.version() - CaseService.DEFAULT_SNAPSHOT_EVERY + 1, stored.version());
            if (!casesGivingUp.containsKey(id.value())) {
                // Every thread sent every step in order, so unless a send gave up, the case went all the way.
                assertThat(replayed[0].stage()).as("%s: stage after the whole lifecycle", id).isEqualTo(lifecycleEnd());
            }
            IndexRow row = store.indexRow(id.value()).orElseThrow();
            assertThat(row.version()).isEqualTo(stored.version());
            assertThat(row.stage()).isEqualTo(replayed[0].stage().name());
            for (long v = 1; v <= stored.version(); v++) expectedFeed.add(id.value() + "@" + v);
            commits += stored.version();
        }

        JdbcCaseStoreContract.assertFeedHoldsEachCommitOnce(store, 50, commits, expectedFeed);
    }

    /** The stage a claim reaches after the seven steps, as the same service answers on the in-memory store. */
    private static Stage lifecycleEnd() {
        CaseService reference = CaseService.builder(InMemoryCaseStore.create(), Domain.DIRECTORY, Domain.CLOCK).build();
        CaseId id = new CaseId("XF-reference");
        for (CaseCommand c : Domain.lifecycle(id, Domain.HOUSING, "ref")) {
            assertThat(reference.handle(c).isApplied()).as("reference lifecycle: %s", c).isTrue();
        }
        return reference.history(id).orElseThrow().state().stage();
    }

    /** A store that counts, per thread, the refused commits (conflicts, duplicates) it passes on to the service. */
    private static final class CountingStore extends ForwardingStore<JdbcCaseStore> {
        private final ThreadLocal<AtomicLong> conflicts = ThreadLocal.withInitial(AtomicLong::new);

        CountingStore(JdbcCaseStore delegate) {
            super(delegate);
        }

        JdbcCaseStore jdbc() {
            return delegate;
        }

        long conflictsOnThisThread() {
            return conflicts.get().get();
        }

        @Override
        public void commit(CaseCommit commit) {
            try {
                super.commit(commit);
            } catch (VersionConflictException | DuplicateCommandException e) {
                conflicts.get().incrementAndGet();   // the service retries after either
                throw e;
            }
        }
    }
}
