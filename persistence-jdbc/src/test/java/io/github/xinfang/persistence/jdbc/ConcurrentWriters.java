package io.github.xinfang.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.service.CaseHistory;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scenario of issue 11's report ("a case became unreadable on an H2 file database under concurrent writes"):
 * two nodes, each a {@link CaseService} over its own {@link JdbcCaseStore} and its own pool of {@value #POOL_SIZE}
 * connections, on one database; threads alternating between the nodes send repeat petitions
 * ({@link ActivityCommand.RecordRepeatPetition}) to registered cases, each under a fresh key, about one in ten
 * resending an earlier command (any thread's) under its key; a send answered {@code VERSION_CONFLICT} is sent
 * again. {@link #run} records what every send answered or threw; {@link #check} asserts what must hold afterwards.
 * Not thread-safe to start; a run is confined to its own threads.
 */
final class ConcurrentWriters {
    static final int NODES = 2;
    static final int POOL_SIZE = 4;

    /**
     * A send is given up (and counted as failed) after this many VERSION_CONFLICT answers in a row; a case whose
     * row lost a commit answers nothing else. {@code -Dxinfang.concurrentWriters.maxSends=N} changes it.
     */
    private static final int MAX_SENDS = Integer.getInteger("xinfang.concurrentWriters.maxSends", 200);

    private static final LocalDate FIRST_REPEAT = LocalDate.parse("2026-03-02");

    private ConcurrentWriters() {}


    /** An acknowledged send: the command and the service's answer. */
    record Acknowledged(CaseCommand command, CommandResult.Applied result) {}

    /**
     * What a run did.
     *
     * @param cases the cases written
     * @param nodes the two services
     * @param stores their stores
     * @param sends commands sent (resends after VERSION_CONFLICT not counted)
     * @param acknowledged the sends answered as applied (or replayed), registrations included
     * @param failures the sends that threw or were refused otherwise, one entry each
     * @param conflictRetries how many times a send was repeated after VERSION_CONFLICT
     */
    record Run(List<CaseId> cases, List<CaseService> nodes, List<JdbcCaseStore> stores, int sends,
               List<Acknowledged> acknowledged, List<Throwable> failures, int conflictRetries) {}

    /**
     * Registers {@code caseCount} cases, then lets {@code threads} threads send {@code commandsPerThread} repeat
     * petitions each. The database must be migrated.
     */
    static Run run(TestDatabase db, int caseCount, int threads, int commandsPerThread, long seed) throws Exception {
        List<CaseService> nodes = new ArrayList<>();
        List<JdbcCaseStore> stores = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            JdbcCaseStore store = JdbcCaseStore.create(db.pool(POOL_SIZE), db.dialect());
            stores.add(store);
            nodes.add(CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).build());
        }
        List<CaseId> cases = new ArrayList<>();
        List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < caseCount; c++) {
            CaseId id = new CaseId("XF-450802-2026-" + String.format("%06d", c + 1));
            cases.add(id);
            CaseCommand register = Domain.step(id, 0, Domain.HOUSING, id.value() + "/register");
            CommandResult r = nodes.get(c % NODES).handle(register);
            assertThat(r.isApplied()).as("registering %s: %s", id, r).isTrue();
            acknowledged.add(new Acknowledged(register, (CommandResult.Applied) r));
        }

        List<CaseCommand> sentSoFar = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sends = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                CaseService node = nodes.get(t % NODES);
                done.add(pool.submit(() -> {
                    Random random = new Random(seed * 1_000 + thread);
                    start.await();
                    for (int i = 0; i < commandsPerThread; i++) {
                        CaseCommand command;
                        if (random.nextInt(10) == 0 && !sentSoFar.isEmpty()) {
                            synchronized (sentSoFar) {
                                command = sentSoFar.get(random.nextInt(sentSoFar.size()));
                            }
                        } else {
                            CaseId id = cases.get(random.nextInt(cases.size()));
                            command = new ActivityCommand.RecordRepeatPetition(id, new IdempotencyKey("t" + thread + "-" + i),
                                    Domain.clerk(), FIRST_REPEAT.plusDays(random.nextInt(100)), Channel.VISIT,
                                    1 + random.nextInt(3), CaseActivity.SkippedLevel.NONE);
                            sentSoFar.add(command);
                        }
                        sends.incrementAndGet();
                        send(node, command, acknowledged, failures, retries);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
            // Running store calls finish (an interrupted file channel closes an embedded H2 database).
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) pool.shutdownNow();
        }
        return new Run(cases, nodes, stores, sends.get(), List.copyOf(acknowledged), List.copyOf(failures), retries.get());
    }

    /** Sends one command until it is not answered VERSION_CONFLICT; records the answer or the failure. */
    private static void send(CaseService node, CaseCommand command, List<Acknowledged> acknowledged, List<Throwable> failures,
                             AtomicInteger retries) {
        for (int attempt = 1; attempt <= MAX_SENDS; attempt++) {
            CommandResult result;
            try {
                result = node.handle(command);
            } catch (RuntimeException e) {
                failures.add(e);
                return;
            }
            if (result instanceof CommandResult.Applied applied) {
                acknowledged.add(new Acknowledged(command, applied));
                return;
            }
            Rejection.Code code = ((CommandResult.Rejected) result).rejection().code();
            if (code != Rejection.Code.VERSION_CONFLICT) {
                failures.add(new AssertionError(command.key() + " was refused: " + code));
                return;
            }
            retries.incrementAndGet();
        }
        failures.add(new AssertionError(command.key() + " still conflicted after " + MAX_SENDS + " sends"));
    }

    /**
     * Asserts, after a run: no send failed; every acknowledged command's events are in its case's history at the
     * version the service answered, and the commands applied (not replayed) account for every version once; every
     * history replays to its stored snapshot; the change feed holds every commit exactly once, gap-free; every case
     * still accepts a command.
     */
    static void check(Run run) {
        if (!run.failures().isEmpty()) {
            AssertionError error = new AssertionError(run.failures().size() + " of " + run.sends() + " sends failed; the first: "
                    + run.failures().get(0), run.failures().get(0));
            throw error;
        }
        CaseService service = run.nodes().get(0);
        JdbcCaseStore store = run.stores().get(0);
        Map<CaseId, TreeMap<Long, Acknowledged>> applied = new ConcurrentHashMap<>();
        Map<CaseId, List<Acknowledged>> byCase = new ConcurrentHashMap<>();
        for (Acknowledged a : run.acknowledged()) {
            CaseId id = a.command().caseId();
            byCase.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
            AppliedCommand recorded = store.findApplied(id.value(), a.command().key().value()).orElseThrow(() ->
                    new AssertionError("acknowledged command " + a.command().key() + " has no idempotency record"));
            assertThat(recorded.versionAfter()).as("version of %s as answered and as stored", a.command().key())
                    .isEqualTo(a.result().version());
            if (!a.result().replayed()) {
                Acknowledged earlier = applied.computeIfAbsent(id, k -> new TreeMap<>()).put(a.result().version(), a);
                assertThat(earlier).as("two commands applied at version %d of %s", a.result().version(), id).isNull();
            }
        }

        long commits = 0;
        Set<String> expectedFeed = new HashSet<>();
        for (CaseId id : run.cases()) {
            CaseHistory history = service.history(id).orElseThrow();
            assertThat(applied.get(id).keySet()).as("%s: the versions of applied commands, each once, none missing", id)
                    .containsExactlyElementsOf(JdbcCaseStoreContract.range(1, history.version()));
            List<CaseEvent> expected = new ArrayList<>();
            for (Acknowledged a : applied.get(id).values()) expected.addAll(a.result().events());
            assertThat(history.events()).as("%s: the events of every applied command, in commit order", id).isEqualTo(expected);
            for (Acknowledged a : byCase.get(id)) {
                for (CaseEvent e : a.result().events()) {
                    assertThat(history.events().get((int) e.sequence() - 1)).as("%s: event %d of %s", id, e.sequence(),
                            a.command().key()).isEqualTo(e);
                }
            }
            assertThat(service.rebuildSnapshot(id)).as("%s: the history replays to the stored snapshot", id)
                    .contains(history.state());
            for (long v = 1; v <= history.version(); v++) expectedFeed.add(id.value() + "@" + v);
            commits += history.version();
        }

        JdbcCaseStoreContract.assertFeedHoldsEachCommitOnce(store, 500, commits, expectedFeed);

        for (int c = 0; c < run.cases().size(); c++) {
            CaseId id = run.cases().get(c);
            long version = applied.get(id).lastKey();
            CommandResult r = run.nodes().get(c % NODES).handle(new ActivityCommand.RecordRepeatPetition(id,
                    new IdempotencyKey("after-" + c), Domain.clerk(), FIRST_REPEAT.plusDays(100), Channel.LETTER, 1,
                    CaseActivity.SkippedLevel.NONE));
            assertThat(r).as("%s still accepts a command", id).isInstanceOf(CommandResult.Applied.class);
            assertThat(((CommandResult.Applied) r).version()).isEqualTo(version + 1);
        }
    }
}
