package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.VersionConflictException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static io.github.xinfang.persistence.tck.StoreSuite.Observed;
import static io.github.xinfang.persistence.tck.StoreSuite.commitValid;
import static io.github.xinfang.persistence.tck.StoreSuite.nextSequence;
import static io.github.xinfang.persistence.tck.StoreSuite.sampleCommit;
import static io.github.xinfang.persistence.tck.StoreSuite.thrownBy;
import static io.github.xinfang.persistence.tck.StoreSuite.version;
import static org.assertj.core.api.Assertions.assertThat;

/** The checks {@link CaseStoreTck} shares between its tests. */
final class CaseStoreSuite {

    /** Events of the long history of rule S6. */
    static final int LONG_HISTORY = 10_000;
    /** Events per commit of that history. */
    static final int LONG_HISTORY_BATCH = 250;

    private CaseStoreSuite() {}

    /** Events the writer of {@link #required_S2_readersNeverSeePartOfACommit} has written up to a version. */
    static long eventsUpTo(long version) {
        long n = 0;
        for (int v = 0; v < version; v++) n += 1 + Math.floorMod(v, 3);
        return n;
    }

    /**
     * Commits something that must be refused and checks that it was, with the right exception, and that no
     * part of it is visible.
     */
    static Throwable assertRefusedAndUnchanged(CaseStore store, CaseCommit refused, String rule, String why,
                                               Class<? extends Throwable> expected) {
        Observed before = Observed.of(store, refused.caseId(), refused.idempotencyKey());
        long feedBefore = FeedReading.lengthOf(store);
        Throwable t = thrownBy(() -> store.commit(refused));
        if (t == null) {
            throw new AssertionError(rule + ": a commit on case " + refused.caseId() + " with " + why
                    + " succeeded; it must be refused and change nothing");
        }
        if (expected == RuntimeException.class) {
            assertThat(t).as("%s: a commit with %s is refused with VersionConflictException, DuplicateCommandException"
                    + " or IllegalArgumentException, as rules S3 to S5 say", rule, why)
                    .isInstanceOfAny(VersionConflictException.class, DuplicateCommandException.class,
                            IllegalArgumentException.class);
        } else if (expected == DuplicateCommandException.class) {
            assertThat(t).as("%s: a commit with %s is refused with DuplicateCommandException", rule, why)
                    .isInstanceOfAny(DuplicateCommandException.class, VersionConflictException.class);
        } else {
            assertThat(t).as("%s: a commit with %s is refused with %s", rule, why, expected.getSimpleName())
                    .isInstanceOf(expected);
        }
        Observed after = Observed.of(store, refused.caseId(), refused.idempotencyKey());
        assertThat(after.stored()).as("%s: a commit refused for %s changed nothing: the events, snapshot and version"
                + " (write everything in one transaction, after the check, or roll back)", rule, why)
                .isEqualTo(before.stored());
        assertThat(after.row()).as("%s: a commit refused for %s changed nothing: the index row (write it in the same"
                + " transaction as the events, after the version check)", rule, why).isEqualTo(before.row());
        assertThat(after.applied()).as("%s: a commit refused for %s changed nothing: the idempotency record", rule, why)
                .isEqualTo(before.applied());
        assertThat(FeedReading.lengthOf(store)).as("%s: a commit refused for %s changed nothing: the change feed", rule,
                why).isEqualTo(feedBefore);
        return t;
    }

    // ---- S8 ----

    /** The most operations one commit may take before the S8 test gives up on it. */
    static final int MAX_OPERATIONS = 200;

    /**
     * Commits through stores failing after 0, 1, 2, ... operations until one commit gets through, checking after each
     * attempt what rule S8 (and S2 under failure) asks.
     */
    static void checkFailures(CaseStore store, IntFunction<CaseStore> failingAfter) {
        String caseId = "XF-440103-2024-000888";
        commitValid(store, sampleCommit(caseId, 0, 1, "s8-base", 0));
        for (int n = 0; n <= MAX_OPERATIONS; n++) {
            long v = version(store, caseId);
            CaseCommit c = sampleCommit(caseId, v, nextSequence(store, caseId), "s8-" + n, n);
            Observed before = Observed.of(store, caseId, c.idempotencyKey());
            long feedBefore = FeedReading.lengthOf(store);
            CaseStore failing = failingAfter.apply(n);
            Throwable t = thrownBy(() -> failing.commit(c));
            String what = "a commit through a connection failing after " + n + " operations";
            Observed after = Observed.of(store, caseId, c.idempotencyKey());
            long feedAfter = FeedReading.lengthOf(store);
            boolean nothing = after.equals(before) && feedAfter == feedBefore;
            boolean whole = after.stored().map(s -> s.version() == v + 1 && s.snapshot().equals(c.snapshot())
                    && s.events().equals(eventsAfter(before, c))).orElse(false)
                    && after.row().equals(Optional.of(c.indexRow())) && after.applied().isPresent()
                    && feedAfter == feedBefore + (store instanceof ChangeFeed ? 1 : 0);
            if (t == null) {
                if (n == 0) {
                    throw new AssertionError("S8: a commit through storeFailingAfter(store, 0) succeeded: the failure"
                            + " hook's store must fail at its first operation, or S8 is not tested at all");
                }
                if (!whole) {
                    throw new AssertionError("S8/S2: " + what + " returned normally but the store does not hold all of"
                            + " it (events, snapshot, index row, idempotency record, change): " + after);
                }
                checkReads(store, failingAfter.apply(n), caseId, c.idempotencyKey(), n);
                return;
            }
            checkFailure(t, what);
            if (!nothing && !whole) {
                throw new AssertionError("S8: " + what + " threw " + t + " but left part of itself behind (the store"
                        + " now shows " + after + ", change feed length " + feedAfter + " instead of " + feedBefore
                        + "): roll the transaction back when a statement fails, and commit only after every statement"
                        + " succeeded", t);
            }
            checkReads(store, failingAfter.apply(n), caseId, c.idempotencyKey(), n);
            if (nothing) {
                Throwable again = thrownBy(() -> store.commit(c));
                if (again != null) {
                    throw new AssertionError("S8: after " + what + " failed, the same commit through a healthy"
                            + " connection was refused with " + again + ": the failed attempt left something behind"
                            + " (a lock, a stray row, a connection in a broken transaction returned to the pool)", again);
                }
            }
        }
        throw new AssertionError("S8: a commit through storeFailingAfter(store, n) still failed with n = " + MAX_OPERATIONS
                + ": the hook must let the first n operations through");
    }

    /** The events a case holds once a commit is added to what was observed before it. */
    private static List<StoredEvent> eventsAfter(Observed before, CaseCommit c) {
        List<StoredEvent> events = new ArrayList<>(before.stored().map(StoredCase::events).orElse(List.of()));
        events.addAll(c.events());
        return events;
    }

    /** Reads through a failing connection either answer what a healthy one answers or throw StoreException. */
    private static void checkReads(CaseStore healthy, CaseStore failing, String caseId, String key, int n) {
        String how = " through a connection failing after " + n + " operations";
        compareRead("load(" + caseId + ")" + how, () -> failing.load(caseId), healthy.load(caseId));
        compareRead("indexRow(" + caseId + ")" + how, () -> failing.indexRow(caseId), healthy.indexRow(caseId));
        compareRead("findApplied(" + caseId + ", " + key + ")" + how, () -> failing.findApplied(caseId, key),
                healthy.findApplied(caseId, key));
    }

    private static void compareRead(String what, Supplier<Object> read, Object expected) {
        Object[] answer = new Object[1];
        Throwable t = thrownBy(() -> answer[0] = read.get());
        if (t != null) {
            checkFailure(t, what);
        } else if (!expected.equals(answer[0])) {
            throw new AssertionError("S8: " + what + " returned " + answer[0] + " where " + expected + " was due: a read"
                    + " whose connection fails part-way throws StoreException, never a partial answer");
        }
    }

    /** The failure is a StoreException with its cause kept. */
    private static void checkFailure(Throwable t, String what) {
        if (!(t instanceof StoreException)) {
            throw new AssertionError("S8: " + what + " threw " + t + ", not a StoreException: catch the driver's"
                    + " exceptions (SQLException, I/O errors) at the adapter's boundary and throw StoreException with"
                    + " the cause", t);
        }
        if (t.getCause() == null) {
            throw new AssertionError("S8: " + what + " threw " + t + " without its cause: keep the driver's exception"
                    + " as the StoreException's cause", t);
        }
    }
}
