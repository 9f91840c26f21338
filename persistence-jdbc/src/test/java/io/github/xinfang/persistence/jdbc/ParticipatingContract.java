package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.TransientStoreException;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The participating mode inside a portal's transaction, as issue 12 reported it from a Spring Boot portal: the portal
 * inserts its own intake row, registers the case, and commits or fails. Each scenario runs the portal's transaction
 * with {@link JdbcTransactions} over a real pool. One subclass per database.
 */
abstract class ParticipatingContract extends PortalDatabaseContract {

    static final CaseId OTHER = new CaseId("XF-450802-2026-000002");

    JdbcTransactions transactions;
    JdbcCaseStore store;
    CaseService service;

    ParticipatingContract(TestDatabase.Kind kind) {
        super(kind, 8);
    }

    @BeforeEach
    void open() {
        transactions = new JdbcTransactions(pool);
        store = JdbcCaseStore.builder(pool).dialect(db.dialect()).participating(transactions).build();
        service = service(store);
    }

    /** @return a service whose listener tells {@link #told} of each commit, and whether the portal's transaction was still open */
    CaseService service(JdbcCaseStore s) {
        return CaseService.builder(s, Domain.DIRECTORY, Domain.CLOCK)
                .listener((id, version, events) -> told.add(id.value() + " v" + version
                        + (transactions.currentConnection().isPresent() ? " inside" : " after")))
                .build();
    }

    // ------------------------------------------------------------------------------------------ the torn write

    @Test
    void aPortalTransactionThatFailsAfterRegisteringLeavesNeitherRowNorChange() {
        assertThatThrownBy(() -> transactions.inTransaction(c -> {
            insertIntake(c, "form-1", CASE);
            assertThat(service.handle(register(CASE)).isApplied()).isTrue();
            assertThat(store.load(CASE.value())).as("the case is visible inside the transaction").isPresent();
            throw new IllegalStateException("the portal fails after registering");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(intakeRows()).isZero();
        assertThat(store.load(CASE.value())).isEmpty();
        assertThat(store.changesAfter(0, 10)).isEmpty();
        assertThat(told).as("no listener hears of a rolled-back commit").isEmpty();
        // The id is free: registering it again works.
        assertThat(service.handle(register(CASE)).isApplied()).isTrue();
    }

    @Test
    void aPortalTransactionThatCommitsKeepsBothRowsAndListenersHearAfterTheCommit() {
        CommandResult result = transactions.inTransaction(c -> {
            insertIntake(c, "form-1", CASE);
            CommandResult r = service.handle(register(CASE));
            assertThat(told).as("nobody is told before the portal's commit").isEmpty();
            return r;
        });

        assertThat(result.isApplied()).isTrue();
        assertThat(intakeRows()).isEqualTo(1);
        assertThat(store.load(CASE.value()).orElseThrow().version()).isEqualTo(1);
        assertThat(told).containsExactly(CASE.value() + " v1 after");
        List<Change> feed = store.changesAfter(0, 10);
        assertThat(feed).extracting(Change::caseId).containsExactly(CASE.value());
        assertThat(feed.get(0).position()).isEqualTo(1);
    }

    @Test
    void outsideAnyTransactionTheParticipatingStoreCommitsByItself() {
        assertThat(service.handle(register(CASE)).isApplied()).isTrue();
        assertThat(told).containsExactly(CASE.value() + " v1 after");
        assertThat(store.changesAfter(0, 10)).hasSize(1);
    }

    // ------------------------------------------------------------------- a transient failure, not retried

    @Test
    void aTransientFailureUndoesOnlyTheStoresStatementsAndTheCallersTransactionGoesOn() throws Exception {
        assertThat(service.handle(register(CASE)).isApplied()).isTrue();
        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement ps = holder.prepareStatement("UPDATE xf_case SET version = version WHERE case_id = ?")) {
                ps.setString(1, CASE.value());
                assertThat(ps.executeUpdate()).isEqualTo(1);   // another transaction holds the case row
            }
            transactions.inTransaction(c -> {
                insertIntake(c, "form-1", CASE);
                shortLockTimeout(c);
                assertThatThrownBy(() -> service.handle(Domain.step(CASE, 1, Domain.HOUSING, "route")))
                        .isInstanceOf(TransientStoreException.class);
                // The portal's earlier row is still there, and its transaction takes more work.
                assertThat(count(c, "SELECT COUNT(*) FROM portal_intake")).isEqualTo(1);
                insertIntake(c, "form-2", OTHER);
                assertThat(service.handle(register(OTHER)).isApplied()).isTrue();
                return null;
            });
            holder.rollback();
        }
        assertThat(intakeRows()).isEqualTo(2);
        assertThat(store.load(CASE.value()).orElseThrow().version()).as("the timed-out command left nothing").isEqualTo(1);
        assertThat(store.load(OTHER.value()).orElseThrow().version()).isEqualTo(1);
        assertThat(store.changesAfter(0, 10)).extracting(Change::caseId).containsExactly(CASE.value(), OTHER.value());
        // Nothing was retried behind the caller's back: the route applies once it is sent again.
        assertThat(service.handle(Domain.step(CASE, 1, Domain.HOUSING, "route")).isApplied()).isTrue();
    }

    /** Makes the caller's next lock wait give up quickly (the database's lock timeout, for this transaction). */
    private void shortLockTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(db.shortLockTimeout());
        }
    }

    @Test
    void aVersionConflictInsideTheCallersTransactionIsTheUsualConflictAndTheTransactionGoesOn() {
        assertThat(service.handle(register(CASE)).isApplied()).isTrue();
        CaseCommit stale = Commits.commit(CASE.value(), 0, 0, 1);
        transactions.inTransaction(c -> {
            insertIntake(c, "form-1", CASE);
            assertThatThrownBy(() -> store.commit(stale)).isInstanceOf(VersionConflictException.class);
            assertThat(count(c, "SELECT COUNT(*) FROM portal_intake")).isEqualTo(1);
            insertIntake(c, "form-2", CASE);
            return null;
        });
        assertThat(intakeRows()).isEqualTo(2);
        assertThat(store.changesAfter(0, 10)).hasSize(1);
    }

    @Test
    void aDuplicateKeyInsideTheCallersTransactionIsAReplayAndTheTransactionGoesOn() {
        transactions.inTransaction(c -> {
            assertThat(service.handle(register(CASE)).isApplied()).isTrue();
            CommandResult again = service.handle(register(CASE));
            assertThat(again).isInstanceOf(CommandResult.Applied.class);
            assertThat(((CommandResult.Applied) again).replayed()).isTrue();
            insertIntake(c, "form-1", CASE);
            return null;
        });
        assertThat(intakeRows()).isEqualTo(1);
        assertThat(store.changesAfter(0, 10)).hasSize(1);
    }

    // ------------------------------------------------------------------------------ the caller's settings

    @Test
    void aCallersTransactionBelowReadCommittedIsRefusedWithAClearErrorAndChangesNothing() throws SQLException {
        assertThatThrownBy(() -> transactions.inTransaction(c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            return service.handle(register(CASE));
        })).isInstanceOf(StoreException.class).hasMessageContaining("READ UNCOMMITTED")
                .hasMessageContaining("READ COMMITTED or stronger");
        assertThat(store.load(CASE.value())).isEmpty();
    }

    @Test
    void aConnectionInAutoCommitIsRefusedForWrites() {
        TransactionBinding autoCommitting = new TransactionBinding() {
            @Override
            public Optional<Connection> currentConnection() throws SQLException {
                return Optional.of(held == null ? held = pool.getConnection() : held);
            }

            @Override
            public void afterCommit(Runnable action) {
                action.run();
            }
        };
        JdbcCaseStore s = JdbcCaseStore.builder(pool).dialect(db.dialect()).participating(autoCommitting).build();
        assertThatThrownBy(() -> CaseService.builder(s, Domain.DIRECTORY, Domain.CLOCK).build().handle(register(CASE)))
                .isInstanceOf(StoreException.class).hasMessageContaining("auto-commit");
        assertThat(store.load(CASE.value())).isEmpty();
    }

    private Connection held;

    @AfterEach
    void closeHeld() throws SQLException {
        if (held != null) held.close();
    }

    @Test
    void readsRunInsideAReadOnlyOuterTransactionWithoutTouchingItsSettings() {
        assertThat(service.handle(register(CASE)).isApplied()).isTrue();
        assertThat(service.handle(Domain.step(CASE, 1, Domain.HOUSING, "route")).isApplied()).isTrue();
        transactions.inReadOnlyTransaction(c -> {
            int isolation = c.getTransactionIsolation();
            assertThat(service.history(CASE).orElseThrow().version()).isEqualTo(2);
            assertThat(store.indexRow(CASE.value())).isPresent();
            assertThat(store.findApplied(CASE.value(), "route")).isPresent();
            assertThat(store.needingAttention(AttentionQuery.firstPage(Instant.parse("2100-01-01T00:00:00Z"), 10))).hasSize(1);
            assertThat(store.byActiveLeader("nobody", null, 10)).isEmpty();
            assertThat(store.caseIdsAfter(null, 10)).containsExactly(CASE.value());
            assertThat(store.workload("nobody", Domain.CLOCK.instant()).activeCases()).isZero();
            assertThat(store.changesAfter(0, 10)).hasSize(2);
            assertThat(c.getTransactionIsolation()).isEqualTo(isolation);
            assertThat(c.getAutoCommit()).isFalse();
            return null;
        });
    }

    // ---------------------------------------------------------------------------------- pools and locks

    @Test
    void fourRequestsOnAPoolOfTwoEachNeedOnlyTheirOwnConnection() throws Exception {
        DataSource small = db.pool(2);
        JdbcTransactions requests = new JdbcTransactions(small);
        JdbcCaseStore s = JdbcCaseStore.builder(small).dialect(db.dialect()).participating(requests).build();
        CaseService svc = CaseService.builder(s, Domain.DIRECTORY, Domain.CLOCK).build();
        // Two requests at a time hold both connections, and neither goes on until the other is inside too: a store
        // that borrowed a second connection would wait for one forever (until the pool's timeout).
        CyclicBarrier bothInside = new CyclicBarrier(2);
        ExecutorService pool4 = Executors.newFixedThreadPool(4);
        try {
            List<Future<CommandResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                CaseId id = new CaseId("XF-450802-2026-00010" + i);
                results.add(pool4.submit(() -> requests.inTransaction(c -> {
                    insertIntake(c, "form-" + id.value(), id);
                    await(bothInside);
                    CommandResult r = svc.handle(register(id));
                    svc.handle(Domain.step(id, 1, Domain.HOUSING, id.value() + "/route"));
                    return r;
                })));
            }
            for (Future<CommandResult> f : results) assertThat(f.get(60, TimeUnit.SECONDS).isApplied()).isTrue();
        } finally {
            pool4.shutdownNow();
        }
        assertThat(intakeRows()).isEqualTo(4);
        assertThat(store.changesAfter(0, 100)).hasSize(8);
    }

    @Test
    void aLongOpenTransactionOnOneCaseDoesNotBlockCommitsToOtherCases() throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(1);
        ExecutorService portal = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> longRequest = portal.submit(() -> transactions.inTransaction(c -> {
                insertIntake(c, "form-1", CASE);
                assertThat(service.handle(register(CASE)).isApplied()).isTrue();
                registered.countDown();
                // Stays open until the other case's commits are done, or fails the test after a minute.
                return await(othersDone);
            }));
            assertThat(registered.await(60, TimeUnit.SECONDS)).isTrue();

            // Meanwhile another request commits two commands to another case, and the feed's reader reads.
            transactions.inTransaction(c -> {
                assertThat(service.handle(register(OTHER)).isApplied()).isTrue();
                return null;
            });
            assertThat(service.handle(Domain.step(OTHER, 1, Domain.HOUSING, "route")).isApplied()).isTrue();
            List<Change> meanwhile = store.changesAfter(0, 10);
            othersDone.countDown();

            assertThat(longRequest.get(60, TimeUnit.SECONDS)).as("the other case's commits finished while it was open").isTrue();
            assertThat(meanwhile).extracting(Change::caseId).containsExactly(OTHER.value(), OTHER.value());
            List<Change> after = store.changesAfter(2, 10);
            assertThat(after).extracting(Change::caseId).containsExactly(CASE.value());
            assertThat(after.get(0).position()).isEqualTo(3);
        } finally {
            othersDone.countDown();
            portal.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------- the schema

    @Test
    void aConfiguredSchemaIsUsedWhateverTheConnectionsCurrentSchemaIs() throws SQLException {
        String elsewhere = "xf_elsewhere_" + Math.abs(System.nanoTime() % 100000);
        sql("CREATE SCHEMA " + elsewhere);
        DataSource other = db.pool(2, db.useSchema(elsewhere));
        JdbcCaseStore unqualified = JdbcCaseStore.builder(other).dialect(db.dialect()).build();
        assertThatThrownBy(() -> unqualified.load(CASE.value())).as("no xinfang tables in " + elsewhere)
                .isInstanceOf(StoreException.class);

        JdbcCaseStore qualified = JdbcCaseStore.builder(other).dialect(db.dialect()).schema(currentSchema()).build();
        CaseService svc = CaseService.builder(qualified, Domain.DIRECTORY, Domain.CLOCK).build();
        assertThat(svc.handle(register(CASE)).isApplied()).isTrue();
        assertThat(svc.handle(Domain.step(CASE, 1, Domain.HOUSING, "route")).isApplied()).isTrue();

        assertThat(store.load(CASE.value()).orElseThrow().version()).isEqualTo(2);
        assertThat(qualified.changesAfter(0, 10)).isEqualTo(store.changesAfter(0, 10)).hasSize(2);
        assertThat(qualified.indexRow(CASE.value())).isEqualTo(store.indexRow(CASE.value()));
    }

    /** @return the schema the test's database keeps xinfang's tables in */
    String currentSchema() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return c.getSchema();
        }
    }

    @Test
    void aSchemaNameThatIsNotAPlainIdentifierIsRefused() {
        for (String bad : new String[] {"", "1abc", "a b", "a;DROP TABLE x", "\"q\"", "a.b", "x".repeat(64)}) {
            assertThatThrownBy(() -> JdbcCaseStore.builder(pool).schema(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
        }
        assertThatThrownBy(() -> JdbcCaseStore.builder(pool).schema(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("schema");
    }

    // ------------------------------------------------------------------------------------------ helpers

    static void insertIntake(Connection c, String id, CaseId caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO portal_intake (id, case_id) VALUES (?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, caseId.value());
            ps.executeUpdate();
        }
    }

    /** @return whether the latch opened within a minute */
    static boolean await(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other request never got inside its transaction", e);
        }
    }

    long intakeRows() {
        try (Connection c = db.connect()) {
            return count(c, "SELECT COUNT(*) FROM portal_intake");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
