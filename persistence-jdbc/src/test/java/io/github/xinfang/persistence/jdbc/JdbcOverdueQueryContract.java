package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.OverdueScope;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
abstract class JdbcOverdueQueryContract extends FreshDatabaseContract {
    private static final Instant DUE = T0.plusSeconds(86_400);

    final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    JdbcOverdueQueryContract(TestDatabase.Kind kind) {
        super(kind);
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
            assertThat(perPage.get(0)).as("the page, units, batches, tags, clock dues, access parties").isEqualTo(6);

            statements.clear();
            assertThat(store.countOverdue(scope, DUE)).isEqualTo(60);
            assertThat(statements).hasSize(1);
            assertThat(statements.get(0)).containsIgnoringCase("COUNT(*)").containsIgnoringCase("xf_case_clock");
        }
    }

    /**
     * The plans of the page and count statements name the scope's index and the clock table's key. Sequential scans are
     * switched off on PostgreSQL so that the planner, which prefers a scan on a table this small, shows whether an
     * index can serve the statement at all.
     */
    @Test
    void eachOverdueStatementRangesOverTheScopesIndex() throws SQLException {
        JdbcCaseStore store = JdbcCaseStore.create(db.pool(2), db.dialect()).migrate();
        List<String> regions = List.of("110101", "110105", "330106", "330108", "440103", "440104", "450802", "450821",
                "650102", "650103");
        for (int i = 0; i < 100; i++) {
            int n = i;
            store.commit(commit(String.format("XF-%03d", i), 0, 0, 1, b -> late(b, n).handlingUnit("unit-" + n % 10)
                    .activeLeader("off-" + n % 10).regionCode(regions.get(n % 10))));
        }
        try (Connection c = db.connect()) {
            db.planWithIndexes(c, "xf_case", "xf_case_clock");
            Map<OverdueScope, String> indexes = new LinkedHashMap<>();
            indexes.put(OverdueScope.handlingUnit("unit-1"), "xf_case_by_handling_unit");
            indexes.put(OverdueScope.regionPrefix("45082"), "xf_case_by_region");
            indexes.put(OverdueScope.activeLeader("off-1"), "xf_case_by_leader");
            for (Map.Entry<OverdueScope, String> e : indexes.entrySet()) {
                for (boolean keyset : new boolean[] {false, true}) {
                    String plan = plan(c, JdbcCaseStore.overdueSql(e.getKey(), keyset), e.getKey(), keyset, true);
                    planLines.add(e.getKey() + " keyset=" + keyset + ":\n" + plan);
                    assertThat(plan).as("%s, keyset %s", e.getKey(), keyset).containsAnyOf(pageIndexes(e.getKey(), e.getValue()))
                            .doesNotContain("seq scan").doesNotContain("tablescan").doesNotContain("\"access_type\": \"all\"");
                    assertClockLookupByKey(plan);
                }
                String count = plan(c, JdbcCaseStore.countOverdueSql(e.getKey()), e.getKey(), false, false);
                planLines.add(e.getKey() + " count:\n" + count);
                assertThat(count).as("count %s", e.getKey()).containsAnyOf(pageIndexes(e.getKey(), e.getValue()))
                        .doesNotContain("seq scan").doesNotContain("tablescan").doesNotContain("\"access_type\": \"all\"");
                assertClockLookupByKey(count);
            }
        }
    }

    /**
     * The cluster listing (类案预警, {@link JdbcCaseStore#taggedSql}) ranges over an index of {@code xf_case} (the latest
     * petition day's, the region's or the primary key) and reads {@code xf_case_tag} through its primary key, by case:
     * never a scan of either table, with or without a keyset.
     */
    @Test
    void theClusterListingRangesOverAnIndexAndLooksTagsUpByKey() throws SQLException {
        JdbcCaseStore store = JdbcCaseStore.create(db.pool(2), db.dialect()).migrate();
        List<String> regions = List.of("110101", "330106", "440103", "450802", "650102");
        for (int i = 0; i < 100; i++) {
            int n = i;
            store.commit(commit(String.format("XF-%03d", i), 0, 0, 1, b -> b.regionCode(regions.get(n % 5))
                    .lastPetitionOn(java.time.LocalDate.of(2026, 1, 1).plusDays(n))
                    .subjectTags(n % 4 == 0 ? List.of("estate:" + n % 8) : List.of())));
        }
        try (Connection c = db.connect()) {
            db.planWithIndexes(c, "xf_case", "xf_case_tag");
            for (boolean keyset : new boolean[] {false, true}) {
                String plan;
                try (PreparedStatement ps = c.prepareStatement(TestDatabase.explain(c) + JdbcCaseStore.taggedSql(keyset))) {
                    int i = 1;
                    ps.setString(i++, "4508%");
                    ps.setObject(i++, java.time.LocalDate.of(2026, 3, 1), java.sql.Types.DATE);
                    if (keyset) ps.setString(i++, "XF-010");
                    ps.setInt(i, 10);
                    StringBuilder text = new StringBuilder();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) text.append(rs.getString(1)).append('\n');
                    }
                    plan = text.toString().toLowerCase(Locale.ROOT);
                }
                planLines.add("cluster listing keyset=" + keyset + ":\n" + plan);
                assertThat(plan).as("keyset %s", keyset)
                        .containsAnyOf("xf_case_last_petition", "xf_case_by_region", "xf_case_pk", "\"key\": \"primary\"")
                        .containsAnyOf("xf_case_tag_pk", "primary_key", "\"key\": \"primary\"")
                        .doesNotContain("seq scan").doesNotContain("tablescan").doesNotContain("\"access_type\": \"all\"");
            }
        }
    }

    /**
     * The indexes a page or count may range over: the scope's own (for a leader also the workload's index, which leads with
     * the same column); for a region prefix also the primary key, which gives the
     * case-id order of the page directly (the planner walks it and filters by region when a prefix matches many
     * cases: the page stops at its limit).
     */
    private static String[] pageIndexes(OverdueScope scope, String index) {
        if (scope instanceof OverdueScope.RegionPrefix) return new String[] {index, "xf_case_pk", "\"key\": \"primary\""};
        if (scope instanceof OverdueScope.ActiveLeader) return new String[] {index, "xf_case_leader_due"};   // same leading column
        return new String[] {index};
    }

    /**
     * The late-clock test reads the clock table through an index: its primary key (case_id, clock), looked up per case,
     * or {@code xf_case_clock_by_due} (due_at, case_id), the late clocks joined by case id; never a scan of the table.
     */
    private static void assertClockLookupByKey(String plan) {
        assertThat(plan).containsAnyOf("xf_case_clock_pk", "primary_key", "\"key\": \"primary\"", "xf_case_clock_by_due").contains("xf_case_clock")
                .doesNotContain("seq scan on xf_case_clock");
        if (plan.contains("/*")) {
            assertThat(plan).as("H2: the key lookup by case id").contains("case_id = c.case_id");
        }
    }

    /** The plans read, for a failure's message. */
    final List<String> planLines = new ArrayList<>();

    private static String plan(Connection c, String sql, OverdueScope scope, boolean keyset, boolean page) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TestDatabase.explain(c) + sql)) {
            int i = 1;
            String key = scope instanceof OverdueScope.HandlingUnit u ? u.unit()
                    : scope instanceof OverdueScope.RegionPrefix p ? p.prefix() + "%" : ((OverdueScope.ActiveLeader) scope).leader();
            ps.setString(i++, key);
            if (keyset) ps.setString(i++, "XF-010");
            ps.setBigDecimal(i++, Instants.toDecimal(DUE));
            if (page) ps.setInt(i, 10);
            StringBuilder text = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) text.append(rs.getString(1)).append('\n');
            }
            return text.toString().toLowerCase(Locale.ROOT);
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
