package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.tck.AccessAuditTck;
import io.github.xinfang.persistence.tck.AccessScopeTck;
import io.github.xinfang.persistence.tck.CaseQueryTck;
import io.github.xinfang.persistence.tck.CaseStoreTck;
import io.github.xinfang.persistence.tck.ChangeFeedTck;
import io.github.xinfang.persistence.tck.EventChainTck;
import io.github.xinfang.persistence.tck.SnapshotCadenceTck;
import io.github.xinfang.persistence.tck.IndexMaintenanceTck;
import io.github.xinfang.persistence.tck.OverdueQueryTck;
import io.github.xinfang.persistence.tck.ClusterQueryTck;
import io.github.xinfang.persistence.tck.ClusterWarningsTck;
import io.github.xinfang.persistence.tck.ReportQueryTck;
import io.github.xinfang.persistence.tck.ResolutionQueryTck;
import io.github.xinfang.persistence.tck.WorkClaimsTck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

/**
 * The whole conformance kit (the test interfaces of every port: rules S1–S8, F1–F4, Q1–Q3, W1–W4, M1–M2, R1–R7,
 * O1–O6) on one kind of database. Rule S8's failure hook is the store over a {@link FailingDataSource} wrapping the
 * pool of the store under test.
 *
 * <p>The kit asks for a fresh, empty store per property example (hundreds per run), so stores are recycled:
 * {@link #closeStore} empties every table of the store's database ({@link TestDatabase#reset()}: the state of
 * a fresh migration, feed counter at 0) and keeps the database for the next {@link #newStore()}; a database
 * is opened (a new H2 database, a new PostgreSQL schema, migrated) only when none is free. Examples per
 * property: {@code xinfang.tck.examples} (kit default 50).
 */
abstract class JdbcStoreConformance extends DatabaseContract implements CaseStoreTck<JdbcCaseStore>, ChangeFeedTck<JdbcCaseStore>,
        CaseQueryTck<JdbcCaseStore>, WorkClaimsTck<JdbcCaseStore>, IndexMaintenanceTck<JdbcCaseStore>,
        ResolutionQueryTck<JdbcCaseStore>, OverdueQueryTck<JdbcCaseStore>, ReportQueryTck<JdbcCaseStore>,
        ClusterQueryTck<JdbcCaseStore>, ClusterWarningsTck<JdbcCaseStore>, EventChainTck<JdbcCaseStore>, SnapshotCadenceTck<JdbcCaseStore>,
        AccessAuditTck<JdbcCaseStore>, AccessScopeTck<JdbcCaseStore> {

    private static final Deque<Pooled> FREE = new ArrayDeque<>();
    private static final Map<JdbcCaseStore, Pooled> IN_USE = new IdentityHashMap<>();
    private static final List<TestDatabase> OPENED = new ArrayList<>();

    private record Pooled(TestDatabase db, DataSource pool, JdbcCaseStore store) {}

    /** @param kind the database this class runs the kit on */
    JdbcStoreConformance(TestDatabase.Kind kind) {
        super(kind);
    }

    @Override
    public JdbcCaseStore newStore() {
        synchronized (FREE) {
            Pooled p = null;
            for (var it = FREE.iterator(); it.hasNext(); ) {
                Pooled candidate = it.next();
                if (candidate.db().kind() == kind()) {
                    it.remove();
                    p = candidate;
                    break;
                }
            }
            if (p == null) {
                TestDatabase db = TestDatabase.open(kind());
                OPENED.add(db);
                DataSource pool = db.pool(12);
                p = new Pooled(db, pool, JdbcCaseStore.create(pool, db.dialect()).migrate());
            }
            IN_USE.put(p.store(), p);
            return p.store();
        }
    }

    @Override
    public Optional<JdbcCaseStore> storeFailingAfter(JdbcCaseStore store, int operations) {
        Pooled p;
        synchronized (FREE) {
            p = IN_USE.get(store);
        }
        if (p == null) throw new AssertionError("storeFailingAfter() got a store newStore() did not hand out");
        return Optional.of(JdbcCaseStore.create(FailingDataSource.failingAfter(p.pool(), operations), p.db().dialect()));
    }

    @Override
    public void closeStore(JdbcCaseStore store) {
        Pooled p;
        synchronized (FREE) {
            p = IN_USE.remove(store);
        }
        if (p == null) throw new AssertionError("closeStore() got a store newStore() did not hand out");
        p.db().reset();
        synchronized (FREE) {
            FREE.push(p);
        }
    }

    @AfterAll
    static void closeDatabases() {
        synchronized (FREE) {
            for (TestDatabase db : OPENED) db.close();
            OPENED.clear();
            FREE.clear();
            IN_USE.clear();
        }
    }
}
