package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChangeFeed;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The conformance tests of rules F1 to F4 of {@link ChangeFeed}, for a store that offers the change feed.
 * Implement it with one factory method returning a fresh, empty store (see {@link StoreFactory}).
 *
 * @param <S> the adapter's type
 * @since 0.1
 */
public interface ChangeFeedTck<S extends CaseStore & ChangeFeed> extends StoreFactory<S> {

    private static Gen<List<CaseCommit>> sequences() {
        return StoredRecordGenerators.commitSequences(4, 15);
    }

    /** F1: every successful commit gets one position, from 1 without gaps; a refused commit gets none. */
    @Test
    default void required_F1_everyCommitGetsOnePositionWithoutGaps() {
        theory(this).forAll(sequences(), integers().between(1, 6)).checkAssert((commits, pageSize) -> inFreshStore(this, store -> {
            int i = 0;
            for (CaseCommit c : commits) {
                commitValid(store, c);
                if (i++ % 2 == 0) {
                    CaseCommit stale = sampleCommit(c.caseId(), c.newVersion() + 1, 1, "refused-" + i, i);
                    assertThat(thrownBy(() -> store.commit(stale))).as("S3: a commit at a future version is refused")
                            .isNotNull();
                }
            }
            List<Change> all = FeedReading.readAll(store, 0, pageSize);
            assertThat(all.size()).as("F1: %d commits succeeded, so the feed holds %d changes (one per successful"
                    + " commit; none for a refused or rolled-back commit; write the feed entry in the commit's"
                    + " transaction)", commits.size(), commits.size()).isEqualTo(commits.size());
        }));
    }

    /** F1: under concurrent writers, every successful commit appears once, positions gap-free. */
    @Test
    default void required_F1_underConcurrency() {
        inFreshStore(this, store -> {
            List<Attempt> attempts = concurrentWriters(store, cases(threads()), threads(), 50);
            List<Change> all = FeedReading.readAll(store, 0, 64);
            Set<String> winners = new HashSet<>();
            for (Attempt a : attempts) if (a.succeeded()) winners.add(a.commit().caseId() + "@" + a.commit().newVersion());
            Set<String> seen = new HashSet<>();
            for (Change c : all) {
                String k = c.caseId() + "@" + c.version();
                if (!seen.add(k)) {
                    throw new AssertionError("F1: the commit producing version " + c.version() + " of case " + c.caseId()
                            + " appears twice in the feed (positions are per commit, exactly once)");
                }
                if (!winners.contains(k)) {
                    throw new AssertionError("F1: the feed holds version " + c.version() + " of case " + c.caseId()
                            + " at position " + c.position() + " but no commit producing it succeeded: a refused or"
                            + " rolled-back commit must leave no feed entry");
                }
            }
            assertThat(all.size()).as("F1: %d commits succeeded concurrently; the feed must hold each once, positions"
                    + " 1 to %d without gaps (take positions from a counter updated in the commit's transaction, not"
                    + " from a sequence that skips values on rollback)", winners.size(), winners.size())
                    .isEqualTo(winners.size());
        });
    }

    /** F2: commits acknowledged one after the other appear in that order. */
    @Test
    default void required_F2_changesFollowCommitOrder() {
        theory(this).forAll(sequences()).checkAssert(commits -> inFreshStore(this, store -> {
            commitAll(store, commits);
            List<Change> all = store.changesAfter(0, 1_000);
            List<String> expected = new ArrayList<>();
            for (CaseCommit c : commits) expected.add(c.caseId() + "@" + c.newVersion());
            List<String> actual = new ArrayList<>();
            for (Change c : all) actual.add(c.caseId() + "@" + c.version());
            assertThat(actual).as("F2: the feed lists commits in the order they were acknowledged (case@version);"
                    + " order by position, and assign positions at commit, not by case id or time")
                    .isEqualTo(expected);
        }));
    }

    /** F2: under concurrency, each writer's commits and each case's versions keep their order. */
    @Test
    default void required_F2_underConcurrency() {
        inFreshStore(this, store -> {
            List<Attempt> attempts = concurrentWriters(store, cases(threads()), threads(), 50);
            Map<String, Long> positionOf = new HashMap<>();
            Map<String, Long> lastVersion = new HashMap<>();
            for (Change c : FeedReading.readAll(store, 0, 64)) {
                positionOf.put(c.caseId() + "@" + c.version(), c.position());
                long previous = lastVersion.getOrDefault(c.caseId(), 0L);
                if (c.version() != previous + 1) {
                    throw new AssertionError("F2: version " + c.version() + " of case " + c.caseId() + " is at position "
                            + c.position() + " after version " + previous + ": a case's changes appear in version order");
                }
                lastVersion.put(c.caseId(), c.version());
            }
            Map<Integer, Long> lastOfWriter = new HashMap<>();
            for (Attempt a : attempts) {
                if (!a.succeeded()) continue;
                Long p = positionOf.get(a.commit().caseId() + "@" + a.commit().newVersion());
                if (p == null) {
                    throw new AssertionError("F1: the successful commit " + a.commit().idempotencyKey() + " of case "
                            + a.commit().caseId() + " is missing from the feed");
                }
                Long before = lastOfWriter.put(a.writer(), p);
                if (before != null && before > p) {
                    throw new AssertionError("F2: writer " + a.writer() + "'s commit " + a.commit().idempotencyKey()
                            + " is at position " + p + ", before its previous commit at position " + before
                            + ", although that one was acknowledged before this one started");
                }
            }
        });
    }

    /** F3: changesAfter(p, limit) returns the next changes after p, ascending, at most limit; bad arguments fail. */
    @Test
    default void required_F3_readingAfterAPosition() {
        theory(this).forAll(sequences(), integers().between(0, 20), integers().between(1, 6))
                .checkAssert((commits, from, limit) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    List<Change> all = FeedReading.readAll(store, 0, 1_000);
                    int n = all.size();
                    List<Change> page = store.changesAfter(from, limit);
                    FeedReading.checkPage(page, from, limit);
                    assertThat(page).as("F3: changesAfter(%d, %d) of a feed of %d changes", from, limit, n)
                            .isEqualTo(all.subList(Math.min(from, n), Math.min(from + limit, n)));
                    assertThat(thrownBy(() -> store.changesAfter(-1, limit)))
                            .as("F3: changesAfter with a negative position throws IllegalArgumentException")
                            .isInstanceOf(IllegalArgumentException.class);
                    assertThat(thrownBy(() -> store.changesAfter(from, 0)))
                            .as("F3: changesAfter with a limit below 1 throws IllegalArgumentException")
                            .isInstanceOf(IllegalArgumentException.class);
                }));
    }

    /** F3: a follower reading while writers commit never sees a position while a lower one is missing. */
    @Test
    default void required_F3_followerNeverSeesAGapWhileWritersCommit() {
        inFreshStore(this, store -> {
            int writers = threads() - 1;
            int commitsEach = 60;
            AtomicInteger running = new AtomicInteger(writers);
            List<Long> followed = Race.run(writers + 1, t -> () -> {
                if (t > 0) {
                    try {
                        String caseId = "XF-110101-2024-" + String.format("%06d", t);
                        long next = 1;
                        for (int v = 0; v < commitsEach; v++) {
                            CaseCommit c = sampleCommit(caseId, v, next, "f-" + t + "-" + v, v + t);
                            commitValid(store, c);
                            next += c.events().size();
                        }
                    } finally {
                        running.decrementAndGet();
                    }
                    return 0L;
                }
                long position = 0;
                for (int i = 0; i < 1_000_000 && running.get() > 0; i++) {
                    List<Change> page = store.changesAfter(position, 7);
                    FeedReading.checkPage(page, position, 7);
                    if (!page.isEmpty()) position = page.get(page.size() - 1).position();
                }
                return position;
            });
            long position = followed.get(0);
            List<Change> rest = FeedReading.readAll(store, position, 7);
            long end = rest.isEmpty() ? position : rest.get(rest.size() - 1).position();
            assertThat(end).as("F1/F3: a follower resuming from its saved position reaches every commit")
                    .isEqualTo((long) writers * commitsEach);
        });
    }

    /** F4: a change carries its case, the version the commit produced and exactly its events, byte for byte. */
    @Test
    default void required_F4_changesCarryTheCommitsEventsByteForByte() {
        theory(this).forAll(sequences()).checkAssert(commits -> inFreshStore(this, store -> {
            commitAll(store, commits);
            List<Change> all = FeedReading.readAll(store, 0, 100);
            assertThat(all.size()).as("F1: one change per commit").isEqualTo(commits.size());
            for (int i = 0; i < commits.size(); i++) {
                CaseCommit c = commits.get(i);
                assertThat(all.get(i)).as("F4: change %d carries case %s, version %d and exactly that commit's events,"
                        + " payloads byte for byte", i + 1, c.caseId(), c.newVersion())
                        .isEqualTo(new Change(i + 1, c.caseId(), c.newVersion(), c.events()));
            }
        }));
    }

    private static List<String> cases(int threads) {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < threads + 1; i++) cases.add("XF-440106-2025-" + String.format("%06d", i));
        return cases;
    }
}
