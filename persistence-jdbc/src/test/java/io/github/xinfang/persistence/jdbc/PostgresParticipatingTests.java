package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.VersionConflictException;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The participating mode on PostgreSQL, and what only PostgreSQL enforces: read-only transactions, serialisation. */
class PostgresParticipatingTests extends ParticipatingContract {
    PostgresParticipatingTests() {
        super(TestDatabase.Kind.POSTGRESQL);
    }

    @Test
    void aCommandInAReadOnlyTransactionFailsAndTheTransactionStaysUsable() {
        assertThat(service.handle(register(CASE)).isApplied()).isTrue();
        transactions.inReadOnlyTransaction(c -> {
            assertThatThrownBy(() -> service.handle(step(1))).isInstanceOf(StoreException.class);
            // Undone to the store's savepoint: PostgreSQL would refuse every later statement of an aborted transaction.
            assertThat(service.history(CASE).orElseThrow().version()).isEqualTo(1);
            return null;
        });
        assertThat(store.load(CASE.value()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void atRepeatableReadACaseChangedSinceTheTransactionBeganIsAVersionConflictAndTheTransactionGoesOn() throws Exception {
        assertThat(service.handle(register(CASE)).isApplied()).isTrue();
        CountDownLatch snapshotTaken = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);
        ExecutorService portal = Executors.newSingleThreadExecutor();
        try {
            Future<?> request = portal.submit(() -> transactions.inTransaction(c -> {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                var loaded = store.load(CASE.value()).orElseThrow();   // the transaction's snapshot is taken here
                long version = loaded.version();
                long sequence = loaded.events().size();
                snapshotTaken.countDown();
                assertThat(await(otherCommitted)).isTrue();
                assertThatThrownBy(() -> store.commit(Commits.commit(CASE.value(), version, sequence, 1, "late", b -> b)))
                        .isInstanceOf(VersionConflictException.class);
                insertIntake(c, "form-1", CASE);   // the transaction was not aborted
                return null;
            }));
            assertThat(snapshotTaken.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(service.handle(step(1)).isApplied()).isTrue();
            otherCommitted.countDown();
            request.get(60, TimeUnit.SECONDS);
        } finally {
            portal.shutdownNow();
        }
        assertThat(intakeRows()).isEqualTo(1);
        assertThat(store.changesAfter(0, 10)).extracting(Change::version).containsExactly(1L, 2L);
    }

    private static CaseCommand step(int step) {
        return Domain.step(CASE, step, Domain.HOUSING, "step-" + step);
    }
}
