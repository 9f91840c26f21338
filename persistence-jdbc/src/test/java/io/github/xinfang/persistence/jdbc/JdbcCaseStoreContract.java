package io.github.xinfang.persistence.jdbc;

import static io.github.xinfang.persistence.jdbc.Commits.T0;
import static io.github.xinfang.persistence.jdbc.Commits.commit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.Claim;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.service.CaseService;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Direct tests of {@link JdbcCaseStore}, named after the SPI rules they check; one subclass per database.
 * (The conformance kit's suites complement these once it lands.)
 */
abstract class JdbcCaseStoreContract extends FreshStoreContract {

    JdbcCaseStoreContract(TestDatabase.Kind kind) {
        super(kind);
    }

    // ------------------------------------------------------------------------------------------ round trips

    /**
     * A command's reads are one statement (rule S11: the case row joined to the key's commit record, with the events
     * after the snapshot), whatever the history's length, and its commit one transaction; a resend is answered from
     * two reads (the key's commit record, then that commit's events) and writes nothing. On PostgreSQL (pgjdbc) the
     * transaction is one round trip before its COMMIT, with no round trip to read or set the connection's isolation
     * level: two round trips plus the commit for a command.
     */
    @Test
    void aCommandReadsInOneStatementAndCommitsInOneTransaction() {
        FailingDataSource.Executions counted = new FailingDataSource.Executions();
        JdbcCaseStore counting = JdbcCaseStore.create(FailingDataSource.counting(db.pool(4), counted), db.dialect());
        CaseService service = CaseService.builder(counting, Domain.DIRECTORY, Domain.CLOCK).build();
        CaseId id = new CaseId("XF-ROUND-TRIPS");
        boolean pipelined = db.dialect() == Dialect.POSTGRESQL;
        List<CaseCommand> lifecycle = Domain.lifecycle(id, Domain.HOUSING, "rt");
        for (int i = 0; i < lifecycle.size(); i++) {
            counted.reset();
            assertThat(service.handle(lifecycle.get(i)).isApplied()).isTrue();
            assertThat(counted.autoCommit.get()).as("step %d: reads before the commit", i).isEqualTo(1);
            assertThat(counted.commits.get()).as("step %d: one transaction", i).isEqualTo(1);
            if (pipelined) {
                assertThat(counted.inTransaction.get()).as("step %d: the guard and the writes it allows", i).isEqualTo(1);
                assertThat(counted.isolationCalls.get()).as("step %d: the level is set by the guard", i).isZero();
            } else {
                assertThat(counted.inTransaction.get()).as("step %d: statements in the commit's transaction", i).isBetween(1, 14);
            }
        }
        counted.reset();
        assertThat(service.handle(lifecycle.get(lifecycle.size() - 1)).isApplied()).isTrue();
        assertThat(counted.autoCommit.get()).as("a resend: its key's commit record and events").isEqualTo(2);
        assertThat(counted.inTransaction.get() + counted.commits.get()).as("a resend writes nothing").isZero();
    }

    // ------------------------------------------------------------------------------------------ S1

    @Test
    void s1_eventsAndSnapshotComeBackByteForByte() {
        String[] payloads = {
            "{\"b\":1,\"a\":2}",
            "{ \"a\" : 1 ,\n\t\"b\" : [ ] }   ",
            "{\"text\":\"信访事项 办理意见：已受理。\"}",
            "{\"emoji\":\"\uD83D\uDE00\uD83C\uDDE8\uD83C\uDDF3\",\"combining\":\"e\u0301\"}",
            "{\"ctl\":\"\u0001\u0007\u001f\u007f\",\"escaped\":\"\\u0000\\n\"}\r\n",
            "{\"num\":1.0000000000000000001,\"big\":123456789012345678901234567890}",
            "\t  {}  \n\n",
            "{\"long\":\"" + "长".repeat(200_000) + "\"}",
        };
        Instant[] instants = {
            T0, Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("2099-12-31T23:59:59.000000001Z"),
            Instant.ofEpochSecond(-62_135_596_800L, 1), Instant.ofEpochSecond(253_402_300_799L, 999_999_999), Instant.MIN, Instant.MAX,
        };
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            events.add(new StoredEvent("案-1 ", i + 1, "案件.type/" + i, i + 1, payloads[i], instants[i]));
        }
        StoredSnapshot snapshot = new StoredSnapshot("案-1 ", 1, 7, "{\"z\":0, \"a\":\"\uD83D\uDE00\"}  \n");
        IndexRow row = IndexRow.builder("案-1 ").version(1).stage("IN_HANDLING").regionCode("450102").build();
        CaseCommit c = new CaseCommit("案-1 ", 0, events, snapshot, row, "键-1", "d");
        store.commit(c);

        StoredCase loaded = store.load("案-1 ").orElseThrow();
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.snapshot()).isEqualTo(snapshot);
        assertThat(loaded.events()).containsExactlyElementsOf(events);
        for (int i = 0; i < payloads.length; i++) {
            assertThat(loaded.events().get(i).payload().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(payloads[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(store.findApplied("案-1 ", "键-1").orElseThrow().events()).containsExactlyElementsOf(events);
        assertThat(store.changesAfter(0, 10).get(0).events()).containsExactlyElementsOf(events);
        assertThat(store.load("案-1")).isEmpty();   // trailing space is part of the id
    }

    // ------------------------------------------------------------------------------------------ S2

    @Test
    void s2_aCommitFailingAtTheEventsLeavesNothing() throws SQLException {
        store.commit(commit("c1", 0, 0, 2, b -> b.unitsInvolved(List.of("u1")).nextAttentionAt(T0)));
        // Sabotage: a stray event where the next commit's second event goes.
        sql("INSERT INTO xf_event (case_id, sequence, commit_version, type, schema_version, payload, recorded_at)"
                + " VALUES ('c1', 4, 99, 't', 1, '{}', 0)");
        assertFailsAndLeavesNothing();
    }

    @Test
    void s2_aCommitFailingAtItsLastStatementLeavesNothing() throws SQLException {
        store.commit(commit("c1", 0, 0, 2, b -> b.unitsInvolved(List.of("u1")).nextAttentionAt(T0)));
        // Sabotage: the case's next change cannot be appended for the feed, and appending it is the commit's last statement.
        sql("ALTER TABLE xf_change_pending ADD CONSTRAINT xf_sabotage CHECK (case_id <> 'c1' OR version < 2)");
        assertFailsAndLeavesNothing();
    }

    private void assertFailsAndLeavesNothing() throws SQLException {
        StoredCase before = store.load("c1").orElseThrow();
        IndexRow rowBefore = store.indexRow("c1").orElseThrow();
        CaseCommit second = commit("c1", 1, 2, 2, b -> b.unitsInvolved(List.of("u2", "u3")).batches(List.of("b1")).nextAttentionAt(T0.plusSeconds(9)));

        assertThatThrownBy(() -> store.commit(second)).isExactlyInstanceOf(StoreException.class).hasCauseInstanceOf(SQLException.class);

        assertThat(store.load("c1")).contains(before);
        assertThat(store.indexRow("c1")).contains(rowBefore);
        assertThat(store.findApplied("c1", second.idempotencyKey())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM xf_commit")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM xf_case_unit WHERE unit_id = 'u1'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM xf_case_batch")).isZero();
        assertThat(count("SELECT COUNT(*) FROM xf_change_pending WHERE case_id = 'c1'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM xf_change")).isZero();
    }

    // ------------------------------------------------------------------------------------------ S3

    @Test
    void s3_aStaleExpectedVersionConflictsAndChangesNothing() {
        store.commit(commit("c1", 0, 0, 1));
        store.commit(commit("c1", 1, 1, 1));
        StoredCase before = store.load("c1").orElseThrow();

        assertThatThrownBy(() -> store.commit(commit("c1", 1, 1, 1, "other-key", b -> b)))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
        assertThatThrownBy(() -> store.commit(commit("c1", 0, 0, 1, "new-key", b -> b))).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> store.commit(commit("c1", 5, 2, 1))).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> store.commit(commit("nope", 3, 0, 1))).isInstanceOf(VersionConflictException.class);
        assertThat(store.load("c1")).contains(before);
        assertThat(store.load("nope")).isEmpty();
        assertThat(store.changesAfter(0, 100)).hasSize(2);
    }

    @Test
    void s3_ofConcurrentCommitsAtOneVersionExactlyOneSucceeds() throws Exception {
        int threads = 8;
        int rounds = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                long expected = round;
                CyclicBarrier barrier = new CyclicBarrier(threads);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String key = "r" + round + "-t" + t;
                    results.add(pool.submit(() -> {
                        barrier.await();
                        try {
                            store.commit(commit("hot", expected, expected, 1, key, b -> b));
                            return true;
                        } catch (VersionConflictException e) {
                            return false;
                        }
                    }));
                }
                int won = 0;
                for (Future<Boolean> f : results) won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
                assertThat(won).as("winners of round %d", round).isEqualTo(1);
            }
        } finally {
            shutDownWithoutInterrupting(pool);
        }
        StoredCase hot = store.load("hot").orElseThrow();
        assertThat(hot.version()).isEqualTo(rounds);
        assertThat(hot.events()).extracting(StoredEvent::sequence).containsExactlyElementsOf(range(1, rounds));
        assertThat(store.changesAfter(0, 1000)).extracting(Change::version).containsExactlyElementsOf(range(1, rounds));
    }

    @Test
    void s3_concurrentWritersOnOneAndManyCasesLoseNoUpdate() throws Exception {
        int threads = 6;
        int commitsPerThread = 40;
        Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < commitsPerThread; i++) {
                        // Half the writes go to a shared case, half to one of three cases shared by pairs of threads.
                        String caseId = i % 2 == 0 ? "shared" : "pair-" + (thread / 2);
                        while (true) {
                            CaseCommit c = Commits.next(store, caseId, 1 + i % 3, b -> b);
                            try {
                                store.commit(c);
                                successes.computeIfAbsent(caseId, k -> new AtomicInteger()).incrementAndGet();
                                break;
                            } catch (VersionConflictException e) {
                                // re-read and retry, as the case service does
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
        } finally {
            shutDownWithoutInterrupting(pool);
        }
        int total = 0;
        for (Map.Entry<String, AtomicInteger> e : successes.entrySet()) {
            StoredCase c = store.load(e.getKey()).orElseThrow();
            assertThat(c.version()).as(e.getKey()).isEqualTo(e.getValue().get());
            assertThat(c.events()).extracting(StoredEvent::sequence).containsExactlyElementsOf(range(1, c.events().size()));
            total += e.getValue().get();
        }
        assertThat(total).isEqualTo(threads * commitsPerThread);
        assertFeedComplete(total);
    }

    // ------------------------------------------------------------------------------------------ S4

    @Test
    void s4_eventsThatDoNotContinueTheSequenceAreRefused() {
        assertThatThrownBy(() -> store.commit(commit("c1", 0, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.load("c1")).isEmpty();
        store.commit(commit("c1", 0, 0, 2));
        assertThatThrownBy(() -> store.commit(commit("c1", 1, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.commit(commit("c1", 1, 3, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.load("c1").orElseThrow().version()).isEqualTo(1);
        assertThat(store.changesAfter(0, 10)).hasSize(1);
        store.commit(commit("c1", 1, 2, 1));
        assertThat(store.load("c1").orElseThrow().events()).hasSize(3);
    }

    // ------------------------------------------------------------------------------------------ S5

    @Test
    void s5_aRecordedKeyIsADuplicateAndFindAppliedReturnsThatCommit() {
        CaseCommit first = commit("c1", 0, 0, 3, "key-A", b -> b);
        CaseCommit second = commit("c1", 1, 3, 2, "key-B", b -> b);
        store.commit(first);
        store.commit(second);

        assertThatThrownBy(() -> store.commit(commit("c1", 2, 5, 1, "key-A", b -> b)))
                .isInstanceOfSatisfying(DuplicateCommandException.class, e -> assertThat(e.idempotencyKey()).isEqualTo("key-A"));
        assertThat(store.load("c1").orElseThrow().version()).isEqualTo(2);
        assertThat(store.changesAfter(0, 10)).hasSize(2);

        AppliedCommand a = store.findApplied("c1", "key-A").orElseThrow();
        assertThat(a).isEqualTo(new AppliedCommand("c1", "key-A", "digest-key-A", 0, 1, first.events()));
        AppliedCommand b = store.findApplied("c1", "key-B").orElseThrow();
        assertThat(b).isEqualTo(new AppliedCommand("c1", "key-B", "digest-key-B", 1, 2, second.events()));
        assertThat(store.findApplied("c1", "key-C")).isEmpty();
        assertThat(store.findApplied("c2", "key-A")).isEmpty();

        store.commit(commit("c2", 0, 0, 1, "key-A", x -> x));   // keys are unique per case only
        assertThat(store.findApplied("c2", "key-A")).isPresent();
        // A stale version and a recorded key: a conflict may be reported instead of the duplicate.
        assertThatThrownBy(() -> store.commit(commit("c1", 1, 3, 1, "key-A", x -> x))).isInstanceOf(StoreException.class);
    }

    // ------------------------------------------------------------------------------------------ S6, S7

    @Test
    void s6_loadReturnsTheLatestVersionSnapshotAndEveryEventInOrder() {
        assertThat(store.load("c1")).isEmpty();
        List<StoredEvent> all = new ArrayList<>();
        long events = 0;
        CaseCommit last = null;
        for (int v = 0; v < 5; v++) {
            last = commit("c1", v, events, v + 1);
            store.commit(last);
            all.addAll(last.events());
            events += v + 1;
        }
        StoredCase c = store.load("c1").orElseThrow();
        assertThat(c.version()).isEqualTo(5);
        assertThat(c.snapshot()).isEqualTo(last.snapshot());
        assertThat(c.events()).containsExactlyElementsOf(all);
    }

    @Test
    void s7_theIndexRowOfTheLatestCommitComesBackEqualWithItsChildColumns() {
        assertThat(store.indexRow("c1")).isEmpty();
        CaseCommit first = commit("c1", 0, 0, 1, b -> b.handlingUnit("u1").nextAttentionAt(T0.plusNanos(7))
                .unitsInvolved(List.of("u3", "u1", "u2")).trackState("IN_RESOLUTION").activeLeader("o1").leadUnit("u1")
                .batches(List.of("2025-积案-1", "b0")).earliestDueAt(T0.plusNanos(9)).schemaVersion(1));
        store.commit(first);
        assertThat(store.indexRow("c1")).contains(first.indexRow());

        CaseCommit second = commit("c1", 1, 1, 1, b -> b.stage("CLOSED").regionCode("110101").unitsInvolved(List.of("u9")));
        store.commit(second);
        assertThat(store.indexRow("c1")).contains(second.indexRow());
        IndexRow row = store.indexRow("c1").orElseThrow();
        assertThat(row.nextAttentionAt()).isEmpty();
        assertThat(row.earliestDueAt()).isEmpty();
        assertThat(row.batches()).isEmpty();
        assertThat(row.handlingUnit()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ F1 to F4

    @Test
    void f1_f4_everyCommitHasOnePositionInOrderWithExactlyItsEvents() {
        List<CaseCommit> commits = new ArrayList<>();
        commits.add(commit("a", 0, 0, 2));
        commits.add(commit("b", 0, 0, 1));
        commits.add(commit("a", 1, 2, 3));
        commits.add(commit("c", 0, 0, 1));
        commits.add(commit("b", 1, 1, 1));
        for (CaseCommit c : commits) store.commit(c);
        assertThatThrownBy(() -> store.commit(commit("a", 1, 2, 1, "late", b -> b))).isInstanceOf(VersionConflictException.class);

        List<Change> feed = store.changesAfter(0, 100);
        assertThat(feed).hasSize(commits.size());
        for (int i = 0; i < commits.size(); i++) {
            assertThat(feed.get(i)).isEqualTo(new Change(i + 1, commits.get(i).caseId(), commits.get(i).newVersion(), commits.get(i).events()));
        }
        assertThat(store.changesAfter(2, 2)).extracting(Change::position).containsExactly(3L, 4L);
        assertThat(store.changesAfter(4, 10)).extracting(Change::position).containsExactly(5L);
        assertThat(store.changesAfter(5, 10)).isEmpty();
        assertThat(store.changesAfter(500, 10)).isEmpty();
        assertThat(store.changesAfter(Long.MAX_VALUE - 1, Integer.MAX_VALUE)).isEmpty();
        assertThatThrownBy(() -> store.changesAfter(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.changesAfter(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void f1_f2_f3_underConcurrentCommitsTheFeedIsGapFreeInOrderAndComplete() throws Exception {
        int writers = 6;
        int commitsPerWriter = 40;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        List<String> readerProblems = new ArrayList<>();
        try {
            // A follower reads the feed while it grows: it must never see a position before a lower one.
            Future<Long> follower = pool.submit(() -> {
                long seen = 0;
                Map<String, Long> versions = new HashMap<>();
                while (writing.get() || seen < (long) writers * commitsPerWriter) {
                    for (Change ch : store.changesAfter(seen, 7)) {
                        if (ch.position() != seen + 1) readerProblems.add("gap before " + ch.position());
                        long previous = versions.getOrDefault(ch.caseId(), 0L);
                        if (ch.version() != previous + 1) readerProblems.add(ch.caseId() + " version " + ch.version() + " after " + previous);
                        versions.put(ch.caseId(), ch.version());
                        seen = ch.position();
                    }
                }
                return seen;
            });
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < commitsPerWriter; i++) {
                        String caseId = i % 4 == 0 ? "shared" : "w" + writer + "-" + (i % 3);
                        while (true) {
                            try {
                                store.commit(Commits.next(store, caseId, 1, b -> b));
                                break;
                            } catch (VersionConflictException e) {
                                // retry
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
            writing.set(false);
            assertThat(follower.get(60, TimeUnit.SECONDS)).isEqualTo((long) writers * commitsPerWriter);
        } finally {
            writing.set(false);
            shutDownWithoutInterrupting(pool);
        }
        assertThat(readerProblems).isEmpty();
        assertFeedComplete(writers * commitsPerWriter);
    }

    /** Every commit in the store appears once in the feed, positions 1..n, each case's versions in order. */
    private void assertFeedComplete(int commits) {
        List<Change> feed = new ArrayList<>();
        long position = 0;
        while (true) {
            List<Change> page = store.changesAfter(position, 17);
            if (page.isEmpty()) break;
            feed.addAll(page);
            position = page.get(page.size() - 1).position();
        }
        assertThat(feed).extracting(Change::position).containsExactlyElementsOf(range(1, commits));
        Map<String, Long> versions = new HashMap<>();
        Map<String, Long> sequences = new HashMap<>();
        for (Change ch : feed) {
            assertThat(ch.version()).isEqualTo(versions.getOrDefault(ch.caseId(), 0L) + 1);
            versions.put(ch.caseId(), ch.version());
            for (StoredEvent e : ch.events()) {
                assertThat(e.sequence()).isEqualTo(sequences.getOrDefault(ch.caseId(), 0L) + 1);
                sequences.put(ch.caseId(), e.sequence());
            }
        }
        versions.forEach((caseId, v) -> assertThat(store.load(caseId).orElseThrow().version()).isEqualTo(v));
    }

    // ------------------------------------------------------------------------------------------ W1 to W4

    @Test
    void w1_w3_w4_claimsLeaseDueCasesEarliestFirstUntilReleasedOrExpired() {
        store.commit(commit("late", 0, 0, 1, b -> b.nextAttentionAt(T0.plusSeconds(30))));
        store.commit(commit("early", 0, 0, 1, b -> b.nextAttentionAt(T0.plusSeconds(10))));
        store.commit(commit("tie-b", 0, 0, 1, b -> b.nextAttentionAt(T0.plusSeconds(20))));
        store.commit(commit("tie-a", 0, 0, 1, b -> b.nextAttentionAt(T0.plusSeconds(20))));
        store.commit(commit("notDue", 0, 0, 1, b -> b.nextAttentionAt(T0.plusSeconds(100))));
        store.commit(commit("closed", 0, 0, 1, b -> b));
        Instant now = T0.plusSeconds(50);
        Duration lease = Duration.ofMinutes(5);

        List<Claim> first = store.claimDue(T0.plusSeconds(60), now, lease, "node-1", 3);
        assertThat(first).containsExactly(new Claim("early", "node-1", now.plus(lease)), new Claim("tie-a", "node-1", now.plus(lease)),
                new Claim("tie-b", "node-1", now.plus(lease)));
        assertThat(store.claimDue(T0.plusSeconds(60), now, lease, "node-2", 10)).extracting(Claim::caseId).containsExactly("late");
        assertThat(store.claimDue(T0.plusSeconds(60), now, lease, "node-2", 10)).isEmpty();

        assertThat(store.release("early", "node-2")).isFalse();
        assertThat(store.release("early", "node-1")).isTrue();
        assertThat(store.release("early", "node-1")).isFalse();
        assertThat(store.claimDue(T0.plusSeconds(60), now, lease, "node-2", 10)).extracting(Claim::caseId).containsExactly("early");

        Instant expiry = now.plus(lease);   // a lease ending at or before now no longer holds
        assertThat(store.claimDue(T0.plusSeconds(60), expiry.minusNanos(1), lease, "node-3", 10)).isEmpty();
        assertThat(store.claimDue(T0.plusSeconds(60), expiry, lease, "node-3", 10)).extracting(Claim::caseId)
                .containsExactly("early", "tie-a", "tie-b", "late");
        assertThatThrownBy(() -> store.claimDue(T0, now, Duration.ZERO, "x", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.claimDue(T0, now, lease, "x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void w2_concurrentClaimantsOnSeparatePoolsNeverHoldTheSameCase() throws Exception {
        int cases = 60;
        for (int i = 0; i < cases; i++) {
            store.commit(commit(String.format("due-%03d", i), 0, 0, 1, b -> b.nextAttentionAt(T0.plusMillis(1))));
        }
        // Two nodes: separate stores over separate pools on one database.
        JdbcCaseStore[] nodes = {store, JdbcCaseStore.create(db.pool(6), db.dialect())};
        int claimants = 6;
        Map<String, String> holders = new ConcurrentHashMap<>();
        List<String> doubleClaims = new ArrayList<>();
        CyclicBarrier barrier = new CyclicBarrier(claimants);
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < claimants; t++) {
                String owner = "node-" + t;
                JdbcCaseStore node = nodes[t % 2];
                done.add(pool.submit(() -> {
                    barrier.await();
                    for (int round = 0; round < 20; round++) {
                        for (Claim c : node.claimDue(T0.plusSeconds(1), T0.plusSeconds(2), Duration.ofHours(1), owner, 3)) {
                            String previous = holders.putIfAbsent(c.caseId(), owner);
                            if (previous != null) {
                                synchronized (doubleClaims) {
                                    doubleClaims.add(c.caseId() + " held by " + previous + " and " + owner);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
        } finally {
            shutDownWithoutInterrupting(pool);
        }
        assertThat(doubleClaims).isEmpty();
        assertThat(holders).hasSize(cases);
    }

    // ------------------------------------------------------------------------------------------ Q1, Q2

    @Test
    void q1_attentionQueryFiltersByRegionAndUnitInAttentionOrder() {
        store.commit(commit("a", 0, 0, 1, b -> b.nextAttentionAt(T0.plusSeconds(3)).regionCode("450102").unitsInvolved(List.of("u1", "u2"))));
        store.commit(commit("b", 0, 0, 1, b -> b.nextAttentionAt(T0.plusSeconds(1)).regionCode("450103").unitsInvolved(List.of("u2"))));
        store.commit(commit("c", 0, 0, 1, b -> b.nextAttentionAt(T0.plusSeconds(1)).regionCode("440103").unitsInvolved(List.of("u1"))));
        store.commit(commit("d", 0, 0, 1, b -> b.nextAttentionAt(T0.plusSeconds(9)).regionCode("450102")));
        store.commit(commit("e", 0, 0, 1, b -> b.regionCode("450102").unitsInvolved(List.of("u1"))));
        var q = io.github.xinfang.persistence.AttentionQuery.firstPage(T0.plusSeconds(9), 10);

        assertThat(store.needingAttention(q)).extracting(IndexRow::caseId).containsExactly("b", "c", "a");
        assertThat(store.needingAttention(q.inRegion("4501"))).extracting(IndexRow::caseId).containsExactly("b", "a");
        assertThat(store.needingAttention(q.involving("u1"))).extracting(IndexRow::caseId).containsExactly("c", "a");
        assertThat(store.needingAttention(q.inRegion("45").involving("u2"))).extracting(IndexRow::caseId).containsExactly("b", "a");
        assertThat(store.needingAttention(q.involving("u9"))).isEmpty();
        List<IndexRow> rows = store.needingAttention(io.github.xinfang.persistence.AttentionQuery.firstPage(T0.plusSeconds(10), 2));
        assertThat(rows).extracting(IndexRow::caseId).containsExactly("b", "c");
        assertThat(rows.get(1)).isEqualTo(store.indexRow("c").orElseThrow());
        assertThat(store.needingAttention(io.github.xinfang.persistence.AttentionQuery.firstPage(T0.plusSeconds(10), 2).after(rows.get(1))))
                .extracting(IndexRow::caseId).containsExactly("a", "d");
    }

    // ------------------------------------------------------------------------------------------ long history

    @Test
    void s6_aLongHistoryOfTenThousandEventsLoadsWhole() {
        long events = 0;
        for (int v = 0; v < 100; v++) {
            store.commit(commit("long", v, events, 100));
            events += 100;
        }
        StoredCase c = store.load("long").orElseThrow();
        assertThat(c.version()).isEqualTo(100);
        assertThat(c.events()).hasSize(10_000);
        assertThat(c.events()).extracting(StoredEvent::sequence).containsExactlyElementsOf(range(1, 10_000));
        assertThat(c.events().get(9_999)).isEqualTo(commit("long", 99, 9_900, 100).events().get(99));
        assertThat(store.findApplied("long", "long/key-100").orElseThrow().events()).hasSize(100);
    }

    // ------------------------------------------------------------------------------------------ migration

    @Test
    void migrationIsIdempotent() {
        store.migrate();
        JdbcCaseStore.create(db.pool(1), db.dialect()).migrate();
        assertThat(count("SELECT COUNT(*) FROM xf_schema_version")).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        store.commit(commit("c1", 0, 0, 1));
        store.migrate();
        assertThat(store.load("c1")).isPresent();
    }

    @Test
    void s8_infrastructureFailuresAreStoreExceptionsWithTheirCause() throws SQLException {
        sql("DROP TABLE xf_claim");
        assertThatThrownBy(() -> store.release("c1", "n")).isExactlyInstanceOf(StoreException.class).hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> store.commit(commit("c1", 0, 0, 1))).isExactlyInstanceOf(StoreException.class)
                .hasCauseInstanceOf(SQLException.class);
        assertThat(store.load("c1")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ helpers

    static List<Long> range(long from, long to) {
        List<Long> r = new ArrayList<>();
        for (long i = from; i <= to; i++) r.add(i);
        return r;
    }

    /**
     * Reads the whole feed of {@code store} in pages of {@code pageSize} and asserts that it holds each commit once:
     * positions 1 to {@code commits} without gaps, and each {@code caseId@version} of {@code expected} exactly once.
     */
    static void assertFeedHoldsEachCommitOnce(ChangeFeed store, int pageSize, long commits, Set<String> expected) {
        List<Change> feed = new ArrayList<>();
        for (List<Change> page = store.changesAfter(0, pageSize); !page.isEmpty();
             page = store.changesAfter(feed.get(feed.size() - 1).position(), pageSize)) {
            feed.addAll(page);
        }
        assertThat(feed).extracting(Change::position).as("feed positions 1..N without gaps")
                .containsExactlyElementsOf(range(1, commits));
        Set<String> fed = new HashSet<>();
        for (Change ch : feed) {
            assertThat(fed.add(ch.caseId() + "@" + ch.version())).as("%s@%d once in the feed", ch.caseId(), ch.version())
                    .isTrue();
        }
        assertThat(fed).as("every commit in the feed").isEqualTo(expected);
    }

    /** Lets running store calls finish (an interrupted file channel closes an embedded H2 database). */
    private static void shutDownWithoutInterrupting(java.util.concurrent.ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) pool.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
