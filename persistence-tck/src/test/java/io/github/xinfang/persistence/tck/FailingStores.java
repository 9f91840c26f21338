package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.tck.BrokenStores.Forwarding;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Views of an in-memory store over a "connection" that fails after a number of operations, for the failure hook of
 * rule S8 ({@link CaseStoreTck#storeFailingAfter}): each read counts as one operation, a commit as three (events,
 * snapshot, index row). {@link #failingAfter} fails as a correct adapter does; the others break S8 the way real
 * adapters do. {@link BrokenStoreTests} checks that the kit catches them.
 */
final class FailingStores {

    private FailingStores() {}

    /** Operations one commit takes: its events, its snapshot, its index row. */
    private static final int COMMIT_OPERATIONS = 3;

    /** Fails as a correct adapter does: a {@link StoreException} with its cause, and a failed commit writes nothing. */
    static Forwarding failingAfter(Forwarding store, int operations) {
        return new Failing(store, operations);
    }

    /**
     * Breaks S8 (and S2 under failure): writes the events, the snapshot and the idempotency record, then loses the
     * connection before the index row, without rolling back, as an adapter in auto-commit mode does.
     */
    static Forwarding halfWritesOnFailure(Forwarding store, int operations) {
        return new Failing(store, operations) {
            @Override
            public void commit(CaseCommit c) {
                if (left.get() >= COMMIT_OPERATIONS || left.get() < 1) {
                    super.commit(c);
                    return;
                }
                IndexRow old = delegate.indexRow(c.caseId()).orElse(c.indexRow());
                delegate.commit(new CaseCommit(c.caseId(), c.expectedVersion(), c.events(), c.snapshot(),
                        StoreSuite.copyRow(old, c.caseId(), c.newVersion()), c.idempotencyKey(), c.commandDigest()));
                spend(COMMIT_OPERATIONS);
            }
        };
    }

    /** Breaks S8: lets the driver's exception escape instead of a {@link StoreException}. */
    static Forwarding leaksDriverExceptions(Forwarding store, int operations) {
        return new Failing(store, operations) {
            @Override
            RuntimeException failure() {
                return new IllegalStateException("simulated driver failure: connection reset",
                        new IOException("connection reset"));
            }
        };
    }

    /** A view over another store's data whose connection fails once its operations are spent. */
    private static class Failing extends Forwarding {
        final AtomicInteger left;

        Failing(Forwarding store, int operations) {
            super(store.delegate);
            this.left = new AtomicInteger(operations);
        }

        RuntimeException failure() {
            return new StoreException("simulated: the connection dropped", new IOException("connection reset"));
        }

        void spend(int operations) {
            if (left.addAndGet(-operations) < 0) throw failure();
        }

        @Override
        public void commit(CaseCommit commit) {
            spend(COMMIT_OPERATIONS);
            super.commit(commit);
        }

        @Override
        public Optional<StoredCase> load(String caseId) {
            spend(1);
            return super.load(caseId);
        }

        @Override
        public Optional<AppliedCommand> findApplied(String caseId, String key) {
            spend(1);
            return super.findApplied(caseId, key);
        }

        @Override
        public Optional<IndexRow> indexRow(String caseId) {
            spend(1);
            return super.indexRow(caseId);
        }
    }
}
