package io.github.xinfang.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.TransientStoreException;
import io.github.xinfang.service.CaseService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcFeedPositions}: a follower's position row, locked in the caller's transaction, committed with the
 * follower's own writes or not at all; two nodes following the same feed hand every change on exactly once; the feed's
 * head. Each node is a pool, a {@link JdbcTransactions} and a participating store of its own, over one database. One
 * subclass per database.
 */
abstract class FeedPositionsContract extends FreshDatabaseContract {

    /** The portal's pool. */
    DataSource pool;
    JdbcTransactions transactions;
    JdbcCaseStore store;
    JdbcFeedPositions positions;
    private final List<ExecutorService> executors = new ArrayList<>();

    FeedPositionsContract(TestDatabase.Kind kind) {
        super(kind);
    }

    @BeforeEach
    void open() throws SQLException {
        pool = db.pool(8);
        transactions = new JdbcTransactions(pool);
        store = JdbcCaseStore.builder(pool).dialect(db.dialect()).participating(transactions).build().migrate();
        positions = JdbcFeedPositions.of(store);
        sql("CREATE TABLE portal_seen (position BIGINT NOT NULL, node VARCHAR(20) NOT NULL)");
    }

    @AfterEach
    void stopThreads() {
        executors.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void aNewFollowerStartsAtZeroAndItsSavedPositionCommitsWithTheTransaction() {
        assertThat(positions.position("projection")).isEmpty();

        long from = transactions.inTransaction(c -> {
            long p = positions.lock("projection");
            seen(c, 1, "a");
            positions.save("projection", 1);
            assertThat(positions.position("projection")).as("inside, its own save").hasValue(1);
            return p;
        });

        assertThat(from).isZero();
        assertThat(positions.position("projection")).hasValue(1);
        assertThat(seenPositions()).containsExactly(1L);
        long again = transactions.inTransaction(c -> positions.lock("projection"));
        assertThat(again).isEqualTo(1);
        assertThat(positions.positions()).isEqualTo(Map.of("projection", 1L));
    }

    @Test
    void aTransactionThatFailsLeavesNeitherTheFollowersWritesNorItsPosition() {
        transactions.inTransaction(c -> {
            positions.lock("projection");
            positions.save("projection", 2);
            return null;
        });

        assertThatThrownBy(() -> transactions.inTransaction(c -> {
            long from = positions.lock("projection");
            seen(c, from + 1, "a");
            positions.save("projection", from + 1);
            throw new IllegalStateException("the handler fails after its write");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(positions.position("projection")).hasValue(2);
        assertThat(seenPositions()).isEmpty();
        // A new follower whose first transaction fails keeps its row, at 0.
        assertThatThrownBy(() -> transactions.inTransaction(c -> {
            positions.lock("notifier");
            positions.save("notifier", 5);
            throw new IllegalStateException("fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(positions.position("notifier")).hasValue(0);
    }

    @Test
    void outsideATransactionAPositionIsNeitherLockedNorSaved() {
        assertThatThrownBy(() -> positions.lock("projection")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("no transaction is open on this thread to lock the position of follower projection");
        assertThatThrownBy(() -> positions.save("projection", 1)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("no transaction is open on this thread");
        assertThat(positions.positions()).isEmpty();
    }

    @Test
    void aPositionOnlyMovesForwardAndIsSavedOnlyOnceItsRowExists() {
        transactions.inTransaction(c -> {
            positions.lock("projection");
            positions.save("projection", 7);
            positions.save("projection", 7);   // the same position again: nothing new handled
            return null;
        });

        assertThatThrownBy(() -> transactions.inTransaction(c -> {
            positions.lock("projection");
            positions.save("projection", 6);
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("is at position 7, after 6");
        assertThatThrownBy(() -> transactions.inTransaction(c -> {
            positions.save("never-locked", 1);
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("has no position row: lock it first");
        assertThatThrownBy(() -> transactions.inTransaction(c -> {
            positions.save("projection", -1);
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(positions.positions()).isEqualTo(Map.of("projection", 7L));
    }

    @Test
    void followerNamesAreCheckedBeforeAnythingIsRead() {
        for (String bad : new String[] {"", " projection", "-projection", "投影", "a b", "a'b", "x".repeat(101)}) {
            assertThatThrownBy(() -> JdbcFeedPositions.checkFollower(bad)).as("\"%s\"", bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> positions.position(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> JdbcFeedPositions.checkFollower(null)).isInstanceOf(NullPointerException.class);
        for (String good : new String[] {"p", "search-index", "portal.notifications:v2", "A_1", "x".repeat(100)}) {
            assertThat(JdbcFeedPositions.checkFollower(good)).isEqualTo(good);
        }
        String longest = "x".repeat(100);
        transactions.inTransaction(c -> {
            positions.lock(longest);
            positions.save(longest, 3);
            return null;
        });
        assertThat(positions.position(longest)).hasValue(3);
        assertThat(positions.position("X".repeat(100))).as("case matters").isEmpty();
    }

    @Test
    void aStoreRunningItsOwnTransactionsNeedsTheFollowersBinding() {
        JdbcCaseStore own = JdbcCaseStore.create(pool, db.dialect());
        assertThatThrownBy(() -> JdbcFeedPositions.of(own)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("of(store, binding)");

        JdbcFeedPositions bound = JdbcFeedPositions.of(own, transactions);
        transactions.inTransaction(c -> {
            bound.lock("projection");
            bound.save("projection", 4);
            return null;
        });
        assertThat(positions.position("projection")).hasValue(4);
    }

    /** The second node's lock waits for the first node's transaction and then reads what it saved, never the old position. */
    @Test
    void aSecondNodeLockingTheSameFollowerWaitsForTheFirstAndReadsItsSavedPosition() throws Exception {
        Node second = new Node("b");
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstLocked = new CountDownLatch(1);
        ExecutorService thread = executor(1);

        Future<Long> secondRead = thread.submit(() -> {
            assertThat(firstLocked.await(60, TimeUnit.SECONDS)).isTrue();
            long p = second.transactions.inTransaction(c -> second.positions.lock("projection"));
            order.add("second read " + p);
            return p;
        });
        transactions.inTransaction(c -> {
            positions.lock("projection");
            firstLocked.countDown();
            sleep(300);   // the second node is waiting for the row now (if the lock works)
            positions.save("projection", 5);
            order.add("first saves 5");
            return null;
        });

        assertThat(secondRead.get(60, TimeUnit.SECONDS)).as("without the lock it would have read 0").isEqualTo(5);
        assertThat(order).containsExactly("first saves 5", "second read 5");
    }

    /** Nodes racing to insert the same new follower all succeed; each increment, made under the lock, counts once. */
    @Test
    void nodesRacingOnANewFollowerEachMoveItOnce() throws Exception {
        int nodes = 4;
        List<Node> all = new ArrayList<>();
        for (int i = 0; i < nodes; i++) all.add(new Node("n" + i));
        ExecutorService threads = executor(nodes);
        for (int round = 0; round < 5; round++) {
            String follower = "racing-" + round;
            CyclicBarrier start = new CyclicBarrier(nodes);
            List<Future<Long>> done = new ArrayList<>();
            for (Node n : all) {
                done.add(threads.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return n.transactions.inTransaction(c -> {
                        long p = n.positions.lock(follower);
                        n.positions.save(follower, p + 1);
                        return p;
                    });
                }));
            }
            List<Long> read = new ArrayList<>();
            for (Future<Long> f : done) read.add(f.get(120, TimeUnit.SECONDS));
            assertThat(read).as("round %d: each node read the one before it", round).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
            assertThat(positions.position(follower)).hasValue(nodes);
        }
    }

    /**
     * Two nodes follow one feed while a writer commits: each node's unit of work locks the follower, reads the changes
     * after its position, records each in the portal's table (no key, so a change handled twice would show twice) and
     * saves the new position, in one transaction. Every change is recorded exactly once, in order.
     */
    @Test
    void twoNodesFollowingOneFeedHandEveryChangeOnExactlyOnce() throws Exception {
        int commits = 60;
        JdbcCaseStore writer = JdbcCaseStore.create(db.pool(2), db.dialect());
        List<Node> nodes = List.of(new Node("a"), new Node("b"));
        AtomicBoolean written = new AtomicBoolean();
        ExecutorService threads = executor(3);
        List<Future<Integer>> followers = new ArrayList<>();
        for (Node n : nodes) {
            followers.add(threads.submit(() -> {
                int handled = 0;
                while (true) {
                    boolean writerDone = written.get();
                    int batchSize;
                    try {
                        batchSize = n.transactions.inTransaction(c -> {
                            long from = n.positions.lock("projection");
                            List<Change> batch = n.store.changesAfter(from, 3);
                            for (Change change : batch) seen(c, change.position(), n.name);
                            if (!batch.isEmpty()) n.positions.save("projection", batch.get(batch.size() - 1).position());
                            return batch.size();
                        });
                    } catch (TransientStoreException e) {
                        continue;   // a lock wait gave up: the next unit of work tries again
                    }
                    handled += batchSize;
                    if (batchSize == 0) sleep(5);
                    if (writerDone && n.positions.position("projection").orElse(0) == commits) return handled;
                }
            }));
        }
        Future<?> writes = threads.submit((Callable<Void>) () -> {
            for (int i = 0; i < commits; i++) writer.commit(Commits.commit("case-" + i % 7, i / 7, i / 7, 1));
            written.set(true);
            return null;
        });

        writes.get(120, TimeUnit.SECONDS);
        int handled = 0;
        for (Future<Integer> f : followers) handled += f.get(120, TimeUnit.SECONDS);

        List<Long> expected = new ArrayList<>();
        for (long p = 1; p <= commits; p++) expected.add(p);
        assertThat(seenPositions()).as("each change recorded once").isEqualTo(expected);
        assertThat(handled).isEqualTo(commits);
        assertThat(positions.position("projection")).hasValue(commits);
    }

    @Test
    void theFeedsHeadIsItsNewestPositionCommittedChangesIncluded() {
        assertThat(store.feedHead()).isZero();
        JdbcCaseStore writer = JdbcCaseStore.create(pool, db.dialect());
        writer.commit(Commits.commit("c-1", 0, 0, 2));
        writer.commit(Commits.commit("c-2", 0, 0, 1));
        writer.commit(Commits.commit("c-1", 1, 2, 1));

        assertThat(store.feedHead()).as("numbered on the way").isEqualTo(3);
        assertThat(store.changesAfter(0, 10)).extracting(Change::position).containsExactly(1L, 2L, 3L);
        transactions.inTransaction(c -> {
            store.commit(Commits.commit("c-3", 0, 0, 1));
            assertThat(store.feedHead()).as("a commit whose transaction is still open is not in the feed yet").isEqualTo(3);
            return null;
        });
        assertThat(store.feedHead()).isEqualTo(4);
    }

    /** The README's follower, run twice over two registered cases and once more after a third: each change indexed once. */
    @Test
    void theReadmesFollowerIndexesEachChangeOnce() throws SQLException {
        sql("CREATE TABLE search_index (position BIGINT NOT NULL, case_id VARCHAR(64) NOT NULL)");
        CaseService service = CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).build();
        List<String> ids = List.of("XF-450802-2026-000001", "XF-450802-2026-000002", "XF-450802-2026-000003");
        for (String id : ids.subList(0, 2)) {
            assertThat(service.handle(PortalDatabaseContract.register(new CaseId(id))).isApplied()).isTrue();
        }

        ReadmeSnippetsTests.followSearchIndex(store, transactions, service);
        ReadmeSnippetsTests.followSearchIndex(store, transactions, service);
        assertThat(service.handle(PortalDatabaseContract.register(new CaseId(ids.get(2)))).isApplied()).isTrue();
        ReadmeSnippetsTests.followSearchIndex(store, transactions, service);

        assertThat(count("SELECT COUNT(*) FROM search_index")).isEqualTo(3);
        assertThat(count("SELECT COUNT(DISTINCT position) FROM search_index")).isEqualTo(3);
        assertThat(positions.position("search-index")).hasValue(3);
    }

    @Test
    void aConfiguredSchemaHoldsThePositionsAndNothingIsWrittenToTheCurrentOne() throws SQLException {
        String name = SchemaPathsContract.currentSchema(pool) + "_fp";
        sql("CREATE SCHEMA " + name);
        JdbcCaseStore own = JdbcCaseStore.builder(pool).dialect(db.dialect()).schema(name).participating(transactions).build().migrate();
        JdbcFeedPositions ownPositions = JdbcFeedPositions.of(own);

        transactions.inTransaction(c -> {
            ownPositions.lock("projection");
            ownPositions.save("projection", 9);
            return null;
        });

        assertThat(count("SELECT position FROM " + name + ".xf_feed_positions WHERE follower = 'projection'")).isEqualTo(9);
        assertThat(ownPositions.positions()).isEqualTo(Map.of("projection", 9L));
        assertThat(positions.positions()).as("the current schema's table").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /** A node: a pool, transactions and a participating store of its own, over the test's database. */
    final class Node {
        final String name;
        final JdbcTransactions transactions;
        final JdbcCaseStore store;
        final JdbcFeedPositions positions;

        Node(String name) {
            this.name = name;
            DataSource nodePool = db.pool(4);
            transactions = new JdbcTransactions(nodePool);
            store = JdbcCaseStore.builder(nodePool).dialect(db.dialect()).participating(transactions).build();
            positions = JdbcFeedPositions.of(store);
        }
    }

    private ExecutorService executor(int threads) {
        ExecutorService e = Executors.newFixedThreadPool(threads);
        executors.add(e);
        return e;
    }

    static void seen(Connection c, long position, String node) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO portal_seen (position, node) VALUES (?, ?)")) {
            ps.setLong(1, position);
            ps.setString(2, node);
            ps.executeUpdate();
        }
    }

    List<Long> seenPositions() {
        List<Long> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT position FROM portal_seen ORDER BY position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
