package io.github.xinfang.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.TransientStoreException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The direct tests on the embedded MariaDB server, and what only the MySQL dialect does: binary ids (no case folding,
 * no trailing-space padding, code-point order), 512-character ids in composite keys, migrations queueing on a named
 * lock, and a deadlock inside the caller's transaction.
 */
class MariaDbJdbcCaseStoreTests extends JdbcCaseStoreContract {
    MariaDbJdbcCaseStoreTests() {
        super(TestDatabase.Kind.MARIADB);
    }

    @Test
    void idsDifferingOnlyInCaseOrTrailingSpacesAreDistinctAndListInCodePointOrder() {
        try (TestDatabase db = TestDatabase.open(kind())) {
            JdbcCaseStore store = db.store();
            // utf8mb4_bin would make "a" and "a " one key (PAD SPACE), a _ci collation "a" and "A" too.
            List<String> ids = List.of("a\uD83D\uDE00", "a ", "A", "a", "a\uFF41");
            for (String id : ids) store.commit(Commits.commit(id, 0, 0, 1));
            for (String id : ids) assertThat(store.load(id).orElseThrow().events().get(0).caseId()).isEqualTo(id);
            // UTF-8 byte order is code-point order: U+FF41 before U+1F600, whereas String.compareTo puts the surrogate
            // pair of U+1F600 (D83D) first.
            assertThat(store.caseIdsAfter(null, 10)).containsExactly("A", "a", "a ", "a\uFF41", "a\uD83D\uDE00");
            assertThat(store.caseIdsAfter("a", 10)).containsExactly("a ", "a\uFF41", "a\uD83D\uDE00");
        }
    }

    @Test
    void idsOf512ThreeByteCharactersFitEveryCompositeKey() {
        try (TestDatabase db = TestDatabase.open(kind())) {
            JdbcCaseStore store = db.store();
            String caseId = "案".repeat(512);   // 1,536 bytes in UTF-8: the column's size; two make InnoDB's 3,072
            String unit = "单".repeat(512);
            String leader = "官".repeat(512);
            String clock = "时".repeat(ClockDue.MAX_CLOCK_LENGTH);
            // The commit digest is "digest-" and the key: 512 chars.
            store.commit(Commits.commit(caseId, 0, 0, 1, "键".repeat(505), b -> b.unitsInvolved(List.of(unit))
                    .batches(List.of(unit)).activeLeader(leader).leadUnit(unit).handlingUnit(unit)
                    .clockDues(List.of(new ClockDue(clock, Commits.T0)))));
            IndexRow row = store.indexRow(caseId).orElseThrow();
            assertThat(row.unitsInvolved()).containsExactly(unit);
            assertThat(row.clockDues()).extracting(ClockDue::clock).containsExactly(clock);
            assertThat(store.byActiveLeader(leader, null, 10)).containsExactly(row);
            assertThat(store.findApplied(caseId, "键".repeat(505))).isPresent();
        }
    }

    @Test
    void concurrentMigrationsOfAFreshDatabaseQueueOnTheNamedLockAndApplyEachScriptOnce() throws Exception {
        try (TestDatabase db = TestDatabase.open(kind())) {
            DataSource pool = db.pool(8);
            int nodes = 4;
            CyclicBarrier start = new CyclicBarrier(nodes);
            ExecutorService threads = Executors.newFixedThreadPool(nodes);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    done.add(threads.submit(() -> {
                        start.await(60, TimeUnit.SECONDS);
                        return JdbcCaseStore.create(pool, Dialect.MYSQL).migrate();
                    }));
                }
                for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
            assertThat(JdbcCaseStore.create(pool).schemaVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT version) FROM xf_schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
                assertThat(rs.getInt(2)).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
            }
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT IS_USED_LOCK('xinfang_schema')")) {
                rs.next();
                assertThat(rs.getObject(1)).as("the lock is released").isNull();
            }
        }
    }

    @Test
    void aDeadlockInsideTheCallersTransactionIsTransientAndSaysTheWholeTransactionWasRolledBack() throws Exception {
        try (TestDatabase db = TestDatabase.open(kind())) {
            JdbcCaseStore own = db.store();
            own.commit(Commits.commit("A", 0, 0, 1));
            own.commit(Commits.commit("B", 0, 0, 1));
            DataSource pool = db.pool(4);
            JdbcTransactions transactions = new JdbcTransactions(pool);
            JdbcCaseStore store = JdbcCaseStore.builder(pool).dialect(Dialect.MYSQL).participating(transactions).build();
            CyclicBarrier bothHoldTheirFirstCase = new CyclicBarrier(2);
            AtomicReference<TransientStoreException> failed = new AtomicReference<>();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (String[] order : new String[][] {{"A", "B"}, {"B", "A"}}) {
                    done.add(threads.submit(() -> {
                        try {
                            return transactions.inTransaction(c -> {
                                store.commit(Commits.commit(order[0], 1, 1, 1, order[0] + "/by-" + order[0], b -> b));
                                await(bothHoldTheirFirstCase);
                                store.commit(Commits.commit(order[1], 1, 1, 1, order[1] + "/by-" + order[0], b -> b));
                                return null;
                            });
                        } catch (TransientStoreException e) {
                            failed.set(e);
                            return null;
                        }
                    }));
                }
                for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
            assertThat(failed.get()).as("InnoDB chose a victim").isNotNull();
            assertThat(failed.get()).hasMessageContaining("deadlock").hasMessageContaining("retried whole");
            assertThat(failed.get().getCause()).isInstanceOf(SQLException.class);
            assertThat(((SQLException) failed.get().getCause()).getErrorCode()).isEqualTo(1213);
            // The survivor's two commits are there; nothing of the victim's, not even its first commit.
            assertThat(own.load("A").orElseThrow().version()).isEqualTo(2);
            assertThat(own.load("B").orElseThrow().version()).isEqualTo(2);
            String survivor = own.findApplied("A", "A/by-A").isPresent() ? "A" : "B";
            String victim = survivor.equals("A") ? "B" : "A";
            assertThat(own.findApplied(survivor, survivor + "/by-" + survivor)).isPresent();
            assertThat(own.findApplied(victim, victim + "/by-" + survivor)).isPresent();
            assertThat(own.findApplied(victim, victim + "/by-" + victim)).isEmpty();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
