package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.OverdueScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

import static io.github.xinfang.persistence.jdbc.Commits.T0;
import static io.github.xinfang.persistence.jdbc.Commits.commit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue queries on a real database, seen from the statements the adapter sends: a page is a fixed number of
 * statements whatever its size (the page's case rows by the scope's index with a key lookup of a late clock, then one
 * statement per child table for all the page's rows: no statement per row, no N+1), a count is one statement, and both
 * page with a keyset, never OFFSET. One subclass per database.
 */
abstract class JdbcOverdueQueryContract {
    private static final Instant DUE = T0.plusSeconds(86_400);

    TestDatabase db;
    final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    abstract TestDatabase.Kind kind();

    @BeforeEach
    void openDatabase() {
        db = TestDatabase.open(kind());
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    /** A data source whose connections record the SQL of every statement they prepare or create. */
    DataSource recording(DataSource pool) {
        InvocationHandler onPool = (proxy, method, args) -> {
            Object result = invoke(method, pool, args);
            if (!method.getName().equals("getConnection")) return result;
            Connection c = (Connection) result;
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                if (m.getName().equals("prepareStatement") || m.getName().equals("prepareCall")) statements.add((String) a[0]);
                if (m.getName().equals("createStatement")) statements.add("<statement>");
                return invoke(m, c, a);
            });
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, onPool);
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static IndexRow.Builder late(IndexRow.Builder b, int i) {
        return b.handlingUnit("unit-1").regionCode(i % 2 == 0 ? "450802" : "450821").activeLeader("off-1")
                .unitsInvolved(List.of("unit-1", "unit-" + (i % 3))).batches(List.of("第三批"))
                .clockDues(List.of(new ClockDue("HANDLING", DUE.minusSeconds(i)), new ClockDue("TELLING", DUE.plusSeconds(i))))
                .earliestDueAt(DUE.minusSeconds(i));
    }

    @Test
    void aPageIsAFixedNumberOfStatementsWhateverItsSize() {
        JdbcCaseStore store = JdbcCaseStore.create(recording(db.pool(2)), db.dialect()).migrate();
        for (int i = 0; i < 60; i++) {
            int n = i;
            store.commit(commit(String.format("XF-%03d", i), 0, 0, 1, b -> late(b, n)));
        }
        for (OverdueScope scope : List.of(OverdueScope.handlingUnit("unit-1"), OverdueScope.regionPrefix("4508"),
                OverdueScope.activeLeader("off-1"))) {
            List<Integer> perPage = new ArrayList<>();
            for (int size : new int[] {1, 7, 60, 100}) {
                statements.clear();
                List<IndexRow> page = store.overdue(scope, DUE, null, size);
                assertThat(page).hasSize(Math.min(size, 60));
                perPage.add(statements.size());
                assertThat(String.join("\n", statements)).doesNotContainIgnoringCase("OFFSET");
            }
            assertThat(perPage).as("%s: statements for pages of 1, 7, 60 and 100 rows", scope).containsOnly(perPage.get(0));
            assertThat(perPage.get(0)).as("the page, units, batches, clock dues").isEqualTo(4);

            statements.clear();
            assertThat(store.countOverdue(scope, DUE)).isEqualTo(60);
            assertThat(statements).hasSize(1);
            assertThat(statements.get(0)).containsIgnoringCase("COUNT(*)").containsIgnoringCase("xf_case_clock");
        }
    }

    @Test
    void pagesWalkTheScopeByCaseIdAndEachRowComesBackWhole() {
        JdbcCaseStore store = JdbcCaseStore.create(db.pool(2), db.dialect()).migrate();
        List<IndexRow> written = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            int n = i;
            var c = commit(String.format("XF-%03d", 8 - i), 0, 0, 1, b -> late(b, n));
            store.commit(c);
            written.add(c.indexRow());
        }
        written.sort((a, b) -> a.caseId().compareTo(b.caseId()));
        List<IndexRow> seen = new ArrayList<>();
        String after = null;
        while (true) {
            List<IndexRow> page = store.overdue(OverdueScope.handlingUnit("unit-1"), DUE, after, 4);
            if (page.isEmpty()) break;
            seen.addAll(page);
            after = page.get(page.size() - 1).caseId();
        }
        assertThat(seen).isEqualTo(written);
        // at DUE - 4s only the rows whose HANDLING is due by then (i >= 4) are late; a due instant equal to asOf is late
        assertThat(store.countOverdue(OverdueScope.handlingUnit("unit-1"), DUE.minusSeconds(4))).isEqualTo(5);
        assertThat(store.countOverdue(OverdueScope.regionPrefix("450821"), DUE.minusSeconds(4))).isEqualTo(2);
        assertThat(store.countOverdue(OverdueScope.activeLeader("off-2"), DUE)).isZero();
    }
}
