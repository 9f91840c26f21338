package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.CommandLookup;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.VersionConflictException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The conformance tests of rules S1 to S8 and S11 of {@link CaseStore}. Implement it in test code, with the interfaces of
 * the other ports the store offers, and one factory method:
 *
 * <pre>{@code
 * class MyStoreTests implements CaseStoreTck<MyStore> {
 *     public MyStore newStore() { return MyStore.freshSchema(dataSource()); }
 * }
 * }</pre>
 *
 * <p>Rule S8 (infrastructure failures as {@code StoreException}, nothing half-written) needs a store whose
 * connection fails: the failure hook {@link #storeFailingAfter} gives one, and without it the S8 test is skipped
 * with an assumption saying so. Scale settings are described in {@link StoreFactory}.
 *
 * @param <S> the adapter's type
 * @since 0.1
 */
public interface CaseStoreTck<S extends CaseStore> extends StoreFactory<S> {

    private static Gen<List<CaseCommit>> sequences() {
        return StoredRecordGenerators.commitSequences(4, 12);
    }

    /**
     * Failure hook for rule S8: a store over the same data as {@code store} whose connection fails after
     * {@code operations} operations (statements executed, requests sent), as a connection dropping mid-commit
     * does; the operations before go through. For a JDBC adapter: the same adapter over a data source whose
     * connections throw {@code SQLException} once that many statements have run. The default returns empty, and
     * the S8 test is skipped with an assumption saying why.
     *
     * @param store a store {@link #newStore()} returned (the failing store sees and writes its data)
     * @param operations how many operations succeed before every further one fails (0: the first fails)
     * @return the failing store, or empty if the kit cannot make this store fail
     */
    default Optional<S> storeFailingAfter(S store, int operations) {
        return Optional.empty();
    }

    /** S1: every event and snapshot comes back with the same fields and the same payload text. */
    @Test
    default void required_S1_storedRecordsComeBackByteForByte() {
        theory(this).forAll(sequences()).checkAssert(commits -> inFreshStore(this, store -> {
            commitAll(store, commits);
            for (Map.Entry<String, List<CaseCommit>> e : byCase(commits).entrySet()) {
                List<CaseCommit> mine = e.getValue();
                StoredCase loaded = store.load(e.getKey()).orElseThrow(() -> new AssertionError(
                        "S1/S6: case " + e.getKey() + " was committed but load() finds nothing"));
                List<StoredEvent> expected = eventsOf(mine);
                for (int i = 0; i < Math.min(expected.size(), loaded.events().size()); i++) {
                    StoredEvent want = expected.get(i);
                    StoredEvent got = loaded.events().get(i);
                    assertThat(got.payload()).as("S1: payload of event %d of case %s must come back byte for byte:"
                            + " keep it as text or json, never jsonb or a re-serialised document, in UTF-8 with"
                            + " 4-byte characters (utf8mb4, not utf8mb3)", want.sequence(), e.getKey())
                            .isEqualTo(want.payload());
                    assertThat(got.recordedAt()).as("S1: recorded instant of event %d of case %s must be the same"
                            + " instant, to the nanosecond (a microsecond timestamp column rounds it)", want.sequence(),
                            e.getKey()).isEqualTo(want.recordedAt());
                    assertThat(got).as("S1: event %d of case %s (case id, sequence, type, schema version, payload,"
                            + " instant)", want.sequence(), e.getKey()).isEqualTo(want);
                }
                assertThat(loaded.events()).as("S1: the events of case %s", e.getKey()).isEqualTo(expected);
                assertThat(loaded.snapshot()).as("S1: the snapshot of case %s (payload byte for byte, schema version,"
                        + " version)", e.getKey()).isEqualTo(mine.get(mine.size() - 1).snapshot());
            }
        }));
    }

    /** S2: a refused commit leaves none of its parts (events, snapshot, index row, idempotency record). */
    @Test
    default void required_S2_commitIsAtomic() {
        theory(this).forAll(sequences(), integers().between(0, 3), integers().between(0, 1_000))
                .checkAssert((commits, kind, pick) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    List<CaseCommit> last = lastCommits(commits);
                    CaseCommit base = last.get(pick % last.size());
                    long v = base.newVersion();
                    long next = base.events().get(base.events().size() - 1).sequence() + 1;
                    CaseCommit refused;
                    String why;
                    switch (kind) {
                        case 0:
                            refused = sampleCommit(base.caseId(), v - 1, next, "refused-stale", pick);
                            why = "a stale expected version";
                            break;
                        case 1:
                            refused = sampleCommit(base.caseId(), v, next, base.idempotencyKey(), pick);
                            why = "a repeated idempotency key";
                            break;
                        case 2:
                            refused = sampleCommit(base.caseId(), v, next + 1, "refused-gap", pick);
                            why = "a gap in the sequence numbers";
                            break;
                        default:
                            refused = sampleCommit(base.caseId(), v + 1, next, "refused-future", pick);
                            why = "an expected version ahead of the stored one";
                            break;
                    }
                    CaseStoreSuite.assertRefusedAndUnchanged(store, refused, "S2", why, RuntimeException.class);
                }));
    }

    /** S2: a reader never sees part of a commit, while a writer commits. */
    @Test
    default void required_S2_readersNeverSeePartOfACommit() {
        inFreshStore(this, store -> {
            String caseId = "XF-440103-2024-000001";
            int commits = 200;
            AtomicBoolean done = new AtomicBoolean();
            int readers = threads() - 1;
            Race.run(readers + 1, t -> () -> {
                if (t == 0) {
                    try {
                        long next = 1;
                        for (int v = 0; v < commits; v++) {
                            CaseCommit c = sampleCommit(caseId, v, next, "key-" + (v + 1), v);
                            commitValid(store, c);
                            next += c.events().size();
                        }
                    } finally {
                        done.set(true);
                    }
                    return null;
                }
                for (int i = 0; i < 1_000_000 && !done.get(); i++) {
                    long before = version(store, caseId);
                    long row = store.indexRow(caseId).map(r -> r.version()).orElse(0L);
                    StoredCase mid = store.load(caseId).orElse(null);
                    boolean applied = before == 0 || store.findApplied(caseId, "key-" + before).isPresent();
                    long after = version(store, caseId);
                    if (row < before || row > after) {
                        throw new AssertionError("S2: a reader saw version " + before + " then " + after + " of case "
                                + caseId + " through load() but index row version " + row + " in between: write the"
                                + " events, snapshot and index row in one transaction");
                    }
                    if (!applied) {
                        throw new AssertionError("S2: a reader saw version " + before + " of case " + caseId
                                + " but not the idempotency record of the commit that produced it: write it in the same"
                                + " transaction");
                    }
                    if (mid != null && mid.events().size() != CaseStoreSuite.eventsUpTo(mid.version())) {
                        throw new AssertionError("S2: load() returned version " + mid.version() + " of case " + caseId
                                + " with " + mid.events().size() + " events instead of " + CaseStoreSuite.eventsUpTo(mid.version())
                                + ": read the version, snapshot and events in one transaction (or one statement)");
                    }
                }
                return null;
            });
            assertThat(version(store, caseId)).as("S2: the writer's commits").isEqualTo(commits);
        });
    }

    /** S3: a commit at any expected version but the stored one throws a conflict and changes nothing. */
    @Test
    default void required_S3_staleVersionFailsAndChangesNothing() {
        theory(this).forAll(sequences(), integers().between(0, 1_000), integers().between(-4, 3))
                .checkAssert((commits, pick, offset) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    List<CaseCommit> last = lastCommits(commits);
                    CaseCommit base = last.get(pick % last.size());
                    long stored = base.newVersion();
                    long wrong = offset >= 0 ? stored + 1 + offset : Math.max(0, stored + offset);
                    long next = base.events().get(base.events().size() - 1).sequence() + 1;
                    CaseCommit stale = sampleCommit(base.caseId(), wrong, next, "stale-" + pick, pick);
                    Throwable t = CaseStoreSuite.assertRefusedAndUnchanged(store, stale, "S3",
                            "expected version " + wrong + " while version " + stored + " is stored",
                            VersionConflictException.class);
                    VersionConflictException conflict = (VersionConflictException) t;
                    assertThat(conflict.expectedVersion()).as("S3: VersionConflictException.expectedVersion()")
                            .isEqualTo(wrong);
                    assertThat(conflict.actualVersion()).as("S3: VersionConflictException.actualVersion() is the"
                            + " stored version, or -1 when the adapter cannot tell").isIn(stored, -1L);
                    // a commit at version 0 on a case that exists is a conflict too, whatever its sequence
                    CaseCommit recreate = sampleCommit(base.caseId(), 0, 1, "recreate-" + pick, pick);
                    CaseStoreSuite.assertRefusedAndUnchanged(store, recreate, "S3",
                            "expected version 0 (a new case) on a case that exists", VersionConflictException.class);
                }));
    }

    /** S3: of writers racing on one case at the same expected version, exactly one wins each time. */
    @Test
    default void required_S3_concurrentWritersOnOneCase() {
        inFreshStore(this, store -> {
            List<Attempt> attempts = concurrentWriters(store, List.of("XF-440103-2024-000777"), threads(), 60);
            assertNoLostUpdate(store, attempts);
        });
    }

    /** S3: writers racing on several cases lose no update on any of them. */
    @Test
    default void required_S3_concurrentWritersOnManyCases() {
        inFreshStore(this, store -> {
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < threads() * 2; i++) cases.add("XF-450802-2024-" + String.format("%06d", i));
            List<Attempt> attempts = concurrentWriters(store, cases, threads(), 60);
            assertNoLostUpdate(store, attempts);
        });
    }

    /** S4: versions count commits; sequences start at 1 without gaps; a commit that does not continue them is refused. */
    @Test
    default void required_S4_versionsCountCommitsAndSequencesContinueWithoutGaps() {
        theory(this).forAll(sequences(), integers().between(0, 1_000), integers().between(1, 4), integers().between(0, 1))
                .checkAssert((commits, pick, distance, backwards) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    for (Map.Entry<String, List<CaseCommit>> e : byCase(commits).entrySet()) {
                        StoredCase loaded = store.load(e.getKey()).orElseThrow();
                        assertThat(loaded.version()).as("S4: the version of case %s is the number of its commits",
                                e.getKey()).isEqualTo(e.getValue().size());
                        for (int i = 0; i < loaded.events().size(); i++) {
                            assertThat(loaded.events().get(i).sequence()).as("S4: sequence numbers of case %s run from 1"
                                    + " without gaps", e.getKey()).isEqualTo(i + 1L);
                        }
                    }
                    List<CaseCommit> last = lastCommits(commits);
                    CaseCommit base = last.get(pick % last.size());
                    long next = base.events().get(base.events().size() - 1).sequence() + 1;
                    long first = backwards == 1 ? Math.max(1, next - distance) : next + distance;
                    if (first == next) first = next + 1;
                    CaseCommit off = sampleCommit(base.caseId(), base.newVersion(), first, "off-" + pick, pick);
                    CaseStoreSuite.assertRefusedAndUnchanged(store, off, "S4", "first sequence " + first + " where " + next
                            + " comes next (keep a unique constraint on (case id, sequence) and check the first"
                            + " sequence)", IllegalArgumentException.class);
                }));
    }

    /** S5: every key finds exactly its commit; keys are unique per case, not per store. */
    @Test
    default void required_S5_idempotencyLookups() {
        theory(this).forAll(sequences()).checkAssert(commits -> inFreshStore(this, store -> {
            commitAll(store, commits);
            for (CaseCommit c : commits) {
                AppliedCommand applied = store.findApplied(c.caseId(), c.idempotencyKey()).orElseThrow(() ->
                        new AssertionError("S5: findApplied(" + c.caseId() + ", " + c.idempotencyKey()
                                + ") finds nothing after that commit succeeded"));
                assertThat(applied).as("S5: findApplied(%s, %s) returns the case, key, digest, versions before and"
                        + " after, and exactly the events of that commit", c.caseId(), c.idempotencyKey())
                        .isEqualTo(new AppliedCommand(c.caseId(), c.idempotencyKey(), c.commandDigest(),
                                c.expectedVersion(), c.newVersion(), c.events()));
                assertThat(store.findApplied(c.caseId(), c.idempotencyKey() + "-never"))
                        .as("S5: a key never committed on case %s", c.caseId()).isEmpty();
                assertThat(store.findApplied(c.caseId() + "-other", c.idempotencyKey()))
                        .as("S5: a key of case %s looked up on another case", c.caseId()).isEmpty();
            }
            // the same key on another case is a different command
            CaseCommit first = commits.get(0);
            String other = first.caseId() + "-twin";
            CaseCommit twin = sampleCommit(other, 0, 1, first.idempotencyKey(), 1);
            Throwable t = thrownBy(() -> store.commit(twin));
            assertThat(t).as("S5: idempotency keys are unique per case: key %s of case %s must be accepted on case %s"
                    + " (make the unique constraint (case id, key), not key alone)", first.idempotencyKey(),
                    first.caseId(), other).isNull();
            assertThat(store.findApplied(other, first.idempotencyKey()).map(AppliedCommand::commandDigest))
                    .as("S5: the lookup on case %s finds that case's own commit", other).contains(twin.commandDigest());
            assertThat(store.findApplied(first.caseId(), first.idempotencyKey()).map(AppliedCommand::commandDigest))
                    .as("S5: the lookup on case %s still finds its own commit", first.caseId())
                    .contains(first.commandDigest());
        }));
    }

    /** S5: a key already recorded for the case is refused and changes nothing. */
    @Test
    default void required_S5_repeatedKeyFailsAndChangesNothing() {
        theory(this).forAll(sequences(), integers().between(0, 1_000)).checkAssert((commits, pick) -> inFreshStore(this, store -> {
            commitAll(store, commits);
            List<CaseCommit> last = lastCommits(commits);
            CaseCommit base = last.get(pick % last.size());
            List<CaseCommit> ofCase = byCase(commits).get(base.caseId());
            String repeated = ofCase.get(pick % ofCase.size()).idempotencyKey();
            long next = base.events().get(base.events().size() - 1).sequence() + 1;
            CaseCommit again = sampleCommit(base.caseId(), base.newVersion(), next, repeated, pick);
            CaseStoreSuite.assertRefusedAndUnchanged(store, again, "S5", "the idempotency key " + repeated
                    + " already recorded for the case", DuplicateCommandException.class);
        }));
    }

    /** S6: load returns the latest version, its snapshot and the whole history; unknown cases are empty. */
    @Test
    default void required_S6_loadReturnsTheLatestVersionAndTheWholeHistory() {
        theory(this).forAll(sequences()).checkAssert(commits -> inFreshStore(this, store -> {
            assertThat(store.load("XF-000000-0000-000000")).as("S6: load() of an unknown case").isEmpty();
            assertThat(store.indexRow("XF-000000-0000-000000")).as("S7: indexRow() of an unknown case").isEmpty();
            assertThat(store.findApplied("XF-000000-0000-000000", "cmd-0")).as("S5: findApplied() on an unknown case")
                    .isEmpty();
            List<CaseCommit> done = new ArrayList<>();
            for (CaseCommit c : commits) {
                commitValid(store, c);
                done.add(c);
                List<CaseCommit> mine = byCase(done).get(c.caseId());
                StoredCase loaded = store.load(c.caseId()).orElseThrow(() -> new AssertionError(
                        "S6: case " + c.caseId() + " was committed but load() finds nothing"));
                assertThat(loaded.version()).as("S6: load() returns the latest version of case %s", c.caseId())
                        .isEqualTo(c.newVersion());
                assertThat(loaded.snapshot()).as("S6: load() returns the latest snapshot of case %s", c.caseId())
                        .isEqualTo(c.snapshot());
                assertThat(loaded.events()).as("S6: load() returns every event of case %s in sequence order (order by"
                        + " sequence, not by recorded instant or insertion)", c.caseId()).isEqualTo(eventsOf(mine));
            }
        }));
    }

    /**
     * S11: {@code loadForCommand} answers as {@code findApplied} and, when the key is not recorded,
     * {@code loadFromSnapshot}: for each commit's own key, for a key never used and for an unknown case.
     */
    @Test
    default void required_S11_loadForCommandAnswersAsTheLookupAndTheLoad() {
        theory(this).forAll(sequences()).checkAssert(commits -> inFreshStore(this, store -> {
            CommandLookup unknown = store.loadForCommand("XF-000000-0000-000000", "cmd-0");
            assertThat(unknown.applied()).as("S11: loadForCommand() on an unknown case finds no commit").isEmpty();
            assertThat(unknown.current()).as("S11: loadForCommand() on an unknown case finds no case").isEmpty();
            for (CaseCommit c : commits) {
                commitValid(store, c);
                CommandLookup resend = store.loadForCommand(c.caseId(), c.idempotencyKey());
                assertThat(resend.applied()).as("S11: loadForCommand() with the key of case %s's last commit answers as"
                        + " findApplied()", c.caseId()).isEqualTo(store.findApplied(c.caseId(), c.idempotencyKey()));
                assertThat(resend.applied()).as("S11: the key of the last commit is found").isPresent();
                CommandLookup fresh = store.loadForCommand(c.caseId(), "never-used-key");
                assertThat(fresh.applied()).as("S11: a key never used is not found").isEmpty();
                StoredCase expected = store.loadFromSnapshot(c.caseId()).orElseThrow();
                StoredCase actual = fresh.current().orElseThrow(() -> new AssertionError(
                        "S11: loadForCommand() with a new key finds no case " + c.caseId()));
                assertThat(actual.version()).as("S11: version of case %s", c.caseId()).isEqualTo(expected.version());
                assertThat(actual.snapshot()).as("S11: snapshot of case %s", c.caseId()).isEqualTo(expected.snapshot());
                assertThat(actual.chainHead()).as("S11: chain head of case %s", c.caseId()).isEqualTo(expected.chainHead());
                List<StoredEvent> all = store.load(c.caseId()).orElseThrow().events();
                assertThat(actual.events()).as("S11: the events of case %s are a tail of its history holding the last"
                        + " one, byte for byte", c.caseId()).isNotEmpty()
                        .isEqualTo(all.subList(all.size() - actual.events().size(), all.size()));
                assertThat(actual.events().size()).as("S11: at least the events loadFromSnapshot() returns")
                        .isGreaterThanOrEqualTo(expected.events().size());
            }
        }));
    }

    /** S6: a history of 10,000 events on one case, committed in batches, loads whole and in order. */
    @Test
    default void required_S6_longHistoryOf10000Events() {
        inFreshStore(this, store -> {
            String caseId = "XF-440103-2019-000001";
            List<StoredEvent> all = new ArrayList<>(CaseStoreSuite.LONG_HISTORY);
            long v = 0;
            while (all.size() < CaseStoreSuite.LONG_HISTORY) {
                List<StoredEvent> batch = new ArrayList<>(CaseStoreSuite.LONG_HISTORY_BATCH);
                for (int i = 0; i < CaseStoreSuite.LONG_HISTORY_BATCH; i++) {
                    long seq = all.size() + i + 1L;
                    batch.add(new StoredEvent(caseId, seq, "CaseRouted", 1, StoredRecordGenerators.samplePayload((int) seq),
                            java.time.Instant.parse("2019-01-01T00:00:00Z").plusSeconds(seq)));
                }
                CaseCommit c = sampleCommit(caseId, v, all.size() + 1L, "batch-" + v, (int) v);
                commitValid(store, new CaseCommit(caseId, v, batch, c.snapshot(), c.indexRow(), c.idempotencyKey(),
                        c.commandDigest()));
                all.addAll(batch);
                v++;
            }
            StoredCase loaded = store.load(caseId).orElseThrow(() -> new AssertionError(
                    "S6: a case with " + CaseStoreSuite.LONG_HISTORY + " events was committed but load() finds nothing"));
            assertThat(loaded.version()).as("S6: version after %d commits", v).isEqualTo(v);
            assertThat(loaded.events().size()).as("S6: load() returns all %d events (no row limit, no truncated"
                    + " fetch)", CaseStoreSuite.LONG_HISTORY).isEqualTo(CaseStoreSuite.LONG_HISTORY);
            assertThat(loaded.events()).as("S6: the %d events, in sequence order, byte for byte", CaseStoreSuite.LONG_HISTORY)
                    .isEqualTo(all);
        });
    }

    /** S7: the index row is the one of the latest commit, equal to the one committed. */
    @Test
    default void required_S7_indexRowIsTheLatestCommitted() {
        theory(this).forAll(sequences()).checkAssert(commits -> inFreshStore(this, store -> {
            for (CaseCommit c : commits) {
                commitValid(store, c);
                assertThat(store.indexRow(c.caseId())).as("S7: indexRow(%s) after commit %s returns the row committed,"
                        + " every column equal (lists as sets, empty optional columns empty, the schema version kept):"
                        + " update the row on every commit, not only on insert", c.caseId(), c.idempotencyKey())
                        .contains(c.indexRow());
            }
            for (CaseCommit c : lastCommits(commits)) {
                assertThat(store.indexRow(c.caseId())).as("S7: indexRow(%s) after all commits", c.caseId())
                        .contains(c.indexRow());
            }
        }));
    }

    /**
     * S8: through a connection failing after 0, 1, 2, ... operations, a commit and the reads either succeed or throw
     * {@code StoreException} with its cause; a failed commit leaves nothing of itself (or, if the failure came after
     * the transaction committed, all of it), a failed read returns nothing partial, and the store stays usable.
     */
    @Test
    default void required_S8_failuresAreStoreExceptionsAndLeaveNothingHalfWritten() {
        inFreshStore(this, store -> {
            assumeTrue(storeFailingAfter(store, 0).isPresent(), "S8 skipped: storeFailingAfter(store, n) returns empty,"
                    + " so the kit cannot make this store's connection fail; override it (e.g. the store over a data"
                    + " source whose connections fail after n statements) or check S8 in the adapter's own tests");
            CaseStoreSuite.checkFailures(store, n -> storeFailingAfter(store, n).orElseThrow(() -> new AssertionError(
                    "storeFailingAfter(store, " + n + ") returned empty although it returned a store for 0")));
        });
    }
}
