package io.github.xinfang.service;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The change feed as a portal follows it through {@link CaseService#changesAfter} and {@link ChangeFollower},
 * after random concurrent commits on the in-memory store, and the snapshot rebuilt from the events
 * ({@link CaseService#rebuildSnapshot}) against the stored one.
 */
class ChangeFeedProperties {
    private static final int EXAMPLES = Math.max(10, Integer.getInteger("QT_EXAMPLES", 1000) / 20);

    /** One commit as a writer thread saw it acknowledged. */
    record Acknowledged(int thread, int order, CaseId caseId, long version, List<CaseEvent> events) {}

    /**
     * Every writer thread walks a random plan of cases; for each it sends the next step of that case's
     * lifecycle that it has not yet seen applied. Steps carry fixed keys, so a step another thread already
     * applied comes back as a replay; racing writers on one case meet version conflicts and retry.
     */
    static List<Acknowledged> commitConcurrently(InMemoryCaseStore store, CaseService service, int cases,
                                                 List<List<Integer>> plans) {
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        CaseInvariantProperties.runConcurrently(plans.size(), t -> {
            Map<Integer, Integer> next = new HashMap<>();
            int order = 0;
            for (int pick : plans.get(t)) {
                int c = pick % cases;
                List<CaseCommand> lifecycle = ChangeFeedFixtures.lifecycle(new CaseId("FEED-" + c));
                int step = next.getOrDefault(c, 0);
                if (step == lifecycle.size()) continue;
                CommandResult r = service.handle(lifecycle.get(step));
                if (r instanceof CommandResult.Applied a) {
                    next.put(c, step + 1);
                    if (!a.replayed()) acknowledged.add(new Acknowledged(t, order++, a.caseId(), a.version(), a.events()));
                } else if (((CommandResult.Rejected) r).rejection().code() != Rejection.Code.VERSION_CONFLICT) {
                    // Only contention may refuse a step whose predecessors are applied: retries exhausted, or this
                    // very command (same key) committed by another thread between this one's idempotency lookup
                    // and its load, so that it was decided again on the state after itself (e.g. CASE_EXISTS for
                    // a second Register). The next attempt gets the replay. Reported to the service's owner.
                    CaseCommand sent = lifecycle.get(step);
                    assertThat(store.findApplied(sent.caseId().value(), sent.key().value()))
                            .as("%s refused without having been applied concurrently", r).isPresent();
                }
            }
        });
        return new ArrayList<>(acknowledged);
    }

    @Test
    void readingFromTheStartYieldsEveryCommitExactlyOnceInCommitOrderWithoutGaps() {
        qt().withExamples(EXAMPLES)
                .forAll(integers().between(1, 5), integers().between(2, 4),
                        lists().of(integers().between(0, 1_000)).ofSizeBetween(5, 40), integers().between(1, 7))
                .checkAssert((cases, threads, plan, limit) -> {
                    InMemoryCaseStore store = InMemoryCaseStore.create();
                    CaseService service = CaseService.builder(store, Org.DIRECTORY, TestClock.at("2026-06-30T02:00:00Z")).build();
                    List<List<Integer>> plans = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        List<Integer> p = new ArrayList<>(plan);
                        Collections.rotate(p, t * 3);       // the threads meet on the same cases in different orders
                        plans.add(p);
                    }
                    List<Acknowledged> acknowledged = commitConcurrently(store, service, cases, plans);

                    List<CaseChange> feed = readAll(service, limit);

                    // every position from 1, no gap, each once
                    for (int i = 0; i < feed.size(); i++) assertThat(feed.get(i).position()).isEqualTo(i + 1L);
                    // exactly the acknowledged commits, with their events
                    Map<String, CaseChange> byCommit = new HashMap<>();
                    for (CaseChange c : feed) {
                        assertThat(byCommit.put(c.caseId().value() + "@" + c.version(), c)).as("commit listed twice").isNull();
                    }
                    assertThat(byCommit).hasSameSizeAs(acknowledged);
                    for (Acknowledged a : acknowledged) {
                        CaseChange c = byCommit.get(a.caseId().value() + "@" + a.version());
                        assertThat(c).as("commit %s v%d in the feed", a.caseId(), a.version()).isNotNull();
                        assertThat(c.events()).isEqualTo(a.events());
                    }
                    // commit order: per case by version, from 1, each version once
                    Map<CaseId, Long> lastVersion = new HashMap<>();
                    for (CaseChange c : feed) {
                        assertThat(c.version()).as("%s", c.caseId()).isEqualTo(lastVersion.getOrDefault(c.caseId(), 0L) + 1);
                        lastVersion.put(c.caseId(), c.version());
                    }
                    // F2: what one thread saw acknowledged before it sent the next is earlier in the feed
                    Map<Integer, Long> lastPositionOfThread = new HashMap<>();
                    acknowledged.sort((x, y) -> x.thread() != y.thread() ? Integer.compare(x.thread(), y.thread())
                            : Integer.compare(x.order(), y.order()));
                    for (Acknowledged a : acknowledged) {
                        long position = byCommit.get(a.caseId().value() + "@" + a.version()).position();
                        assertThat(position).isGreaterThan(lastPositionOfThread.getOrDefault(a.thread(), 0L));
                        lastPositionOfThread.put(a.thread(), position);
                    }
                });
    }

    /**
     * A projection that keeps its position with its data (one atomic write per change) follows the feed while
     * writers commit, and crashes at random: sometimes between polls, sometimes inside a batch before its
     * write. A new follower starts from the saved position each time. At the end it holds every commit once.
     */
    @Test
    void aFollowerResumedFromTheSavedPositionAfterACrashNeitherLosesNorRepeatsAChange() {
        qt().withExamples(Math.max(10, EXAMPLES / 2))
                .forAll(integers().between(1, 4), lists().of(integers().between(0, 1_000)).ofSizeBetween(5, 40),
                        integers().between(1, 6), lists().of(integers().between(0, 9)).ofSizeBetween(1, 30))
                .checkAssert((cases, plan, batchSize, crashes) -> {
                    CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY,
                            TestClock.at("2026-06-30T02:00:00Z")).build();
                    Projection durable = new Projection();
                    AtomicInteger writersDone = new AtomicInteger();
                    CaseInvariantProperties.runConcurrently(3, t -> {
                        if (t < 2) {
                            List<Integer> p = new ArrayList<>(plan);
                            Collections.rotate(p, t * 5);
                            try {
                                commitConcurrentlyOnThisThread(service, cases, p, t);
                            } finally {
                                writersDone.incrementAndGet();
                            }
                            return;
                        }
                        int tick = 0;
                        boolean drained = false;
                        while (!drained) {
                            boolean finalRound = writersDone.get() == 2;
                            long before = durable.position;
                            // a crash is the loss of the follower object: the next one starts from the saved position
                            int crashAt = crashes.get(tick++ % crashes.size());
                            ChangeFollower follower = ChangeFollower.after(service, durable.position, batchSize,
                                    change -> durable.apply(change, crashAt));
                            try {
                                while (follower.pollOnce() != before) before = follower.position();
                            } catch (SimulatedCrash e) {
                                continue;
                            }
                            drained = finalRound && service.changesAfter(durable.position, 1).isEmpty();
                            if (!drained) Thread.yield();
                        }
                    });
                    List<CaseChange> all = readAll(service, 100);
                    assertThat(durable.positions).as("every change once, in order")
                            .containsExactlyElementsOf(all.stream().map(CaseChange::position).toList());
                    assertThat(durable.commits).containsExactlyElementsOf(
                            all.stream().map(c -> c.caseId().value() + "@" + c.version()).toList());
                });
    }

    /** Both writers of the follower property run the same kind of plan as {@link #commitConcurrently}. */
    private static void commitConcurrentlyOnThisThread(CaseService service, int cases, List<Integer> plan, int thread) {
        Map<Integer, Integer> next = new HashMap<>();
        for (int pick : plan) {
            int c = pick % cases;
            List<CaseCommand> lifecycle = ChangeFeedFixtures.lifecycle(new CaseId("FOLLOW-" + c));
            int step = next.getOrDefault(c, 0);
            if (step == lifecycle.size()) continue;
            if (service.handle(lifecycle.get(step)).isApplied()) next.put(c, step + 1);
        }
    }

    /** A projection whose data and position are written together, and which may crash before a write. */
    static final class Projection {
        final List<Long> positions = new ArrayList<>();
        final List<String> commits = new ArrayList<>();
        long position;
        private int writes;

        /** @param crashAt 0 to 9: crash before the write when the number of writes so far ends in this digit, for 0 to 4 */
        void apply(CaseChange change, int crashAt) {
            if (crashAt < 5 && writes % 10 == crashAt * 2) {
                writes++;             // the next attempt at the same change goes through
                throw new SimulatedCrash();
            }
            writes++;
            positions.add(change.position());
            commits.add(change.caseId().value() + "@" + change.version());
            position = change.position();
        }
    }

    static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * For random histories (the lifecycle model's steps: commands of every kind, retries, conflicts, rejections),
     * the snapshot rebuilt from the stored events equals the stored one, payload for payload, and so does a
     * state replayed from the change feed alone.
     */
    @Test
    void theSnapshotRebuiltFromTheEventsOrFromTheFeedEqualsTheStoredOne() {
        CaseCodec codec = CaseCodec.create();
        qt().withExamples(Math.max(10, Integer.getInteger("QT_EXAMPLES", 1000) / 8))
                .forAll(lists().of(LifecycleModelProperties.steps()).ofSizeBetween(1, 40))
                .checkAssert(steps -> {
                    LifecycleModelProperties.World w = new LifecycleModelProperties.World();
                    for (int i = 0; i < steps.size(); i++) w.step(steps.get(i), i);

                    Map<CaseId, List<CaseEvent>> fromFeed = new LinkedHashMap<>();
                    for (CaseChange c : readAll(w.service, 5)) fromFeed.computeIfAbsent(c.caseId(), k -> new ArrayList<>()).addAll(c.events());
                    for (int i = 0; i < LifecycleModelProperties.CASES; i++) {
                        CaseId id = LifecycleModelProperties.World.caseId(i);
                        StoredCase stored = w.store.load(id.value()).orElse(null);
                        if (stored == null) {
                            assertThat(w.service.rebuildSnapshot(id)).isEmpty();
                            assertThat(fromFeed).doesNotContainKey(id);
                            continue;
                        }
                        CaseState rebuilt = w.service.rebuildSnapshot(id).orElseThrow();
                        assertThat(codec.encodeSnapshot(rebuilt, stored.version())).isEqualTo(stored.snapshot());
                        assertThat(codec.encodeSnapshot(CaseState.replay(fromFeed.get(id)), stored.version()))
                                .isEqualTo(stored.snapshot());
                    }
                });
    }

    static List<CaseChange> readAll(CaseService service, int limit) {
        List<CaseChange> all = new ArrayList<>();
        long position = 0;
        while (true) {
            List<CaseChange> batch = service.changesAfter(position, limit);
            assertThat(batch.size()).isLessThanOrEqualTo(limit);
            if (batch.isEmpty()) return all;
            all.addAll(batch);
            position = batch.get(batch.size() - 1).position();
        }
    }
}
