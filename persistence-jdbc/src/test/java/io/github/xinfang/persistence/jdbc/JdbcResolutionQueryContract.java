package io.github.xinfang.persistence.jdbc;

import static io.github.xinfang.persistence.jdbc.Commits.T0;
import static io.github.xinfang.persistence.jdbc.Commits.commit;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Direct tests of the resolution queries of {@link JdbcCaseStore} (rules R1 to R7 are the kit's, run by the
 * conformance classes): a database written by the schema-version-1 adapter migrates to version 2 and answers the
 * queries over its old rows; a handover moves a case between leaders; each query ranges over its index rather than
 * scanning the case table. One subclass per database.
 */
abstract class JdbcResolutionQueryContract extends FreshDatabaseContract {

    private static final Instant DUE = T0.plusSeconds(86_400);

    JdbcResolutionQueryContract(TestDatabase.Kind kind) {
        super(kind);
    }

    // ------------------------------------------------------------------------------------------ migration

    @Test
    void aVersion1DatabaseWithRowsMigratesAndAnswersTheResolutionQueries() throws SQLException {
        DataSource pool = db.pool(4);
        SchemaMigrator.migrate(pool, db.dialect(), 1);
        assertThat(columnExists("xf_case", "earliest_due_at")).as("version 1 has no earliest_due_at").isFalse();
        List<CaseCommit> written = List.of(
                commit("积案-b", 0, 0, 2, b -> b.trackState("IN_RESOLUTION").activeLeader("off-1").leadUnit("u1")
                        .unitsInvolved(List.of("u1", "u2")).batches(List.of("第三批", "B-9")).nextAttentionAt(T0)),
                commit("积案-a", 0, 0, 1, b -> b.trackState("IN_RESOLUTION").activeLeader("off-1").leadUnit("u2")
                        .unitsInvolved(List.of("u2")).batches(List.of("第三批"))),
                commit("Z-1", 0, 0, 3, b -> b.trackState("OPEN").batches(List.of("B-9"))),
                commit("c-4", 0, 0, 1, b -> b.trackState("IN_RESOLUTION").activeLeader("off-2").leadUnit("u1")
                        .unitsInvolved(List.of("u1"))));
        JdbcCaseStore writer = JdbcCaseStore.create(pool, db.dialect());
        try (Connection c = db.connect()) {
            long position = 0;
            for (CaseCommit commit : written) writeAsVersion1(writer, c, commit, ++position);
        }

        JdbcCaseStore store = JdbcCaseStore.create(pool, db.dialect()).migrate();

        assertThat(count("SELECT COUNT(*) FROM xf_schema_version")).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        assertThat(count("SELECT MAX(version) FROM xf_schema_version")).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        for (CaseCommit commit : written) {
            // everything version 1 wrote comes back as written; the new column is empty
            assertThat(store.indexRow(commit.caseId())).contains(commit.indexRow());
            assertThat(store.indexRow(commit.caseId()).orElseThrow().earliestDueAt()).isEmpty();
            assertThat(store.load(commit.caseId()).orElseThrow().events()).containsExactlyElementsOf(commit.events());
            assertThat(store.findApplied(commit.caseId(), commit.idempotencyKey())).isPresent();
        }
        assertThat(ids(store.byActiveLeader("off-1", null, 10))).containsExactly("积案-a", "积案-b");
        assertThat(store.byActiveLeader("off-1", null, 1)).containsExactly(written.get(1).indexRow());
        assertThat(ids(store.byActiveLeader("off-1", "积案-a", 10))).containsExactly("积案-b");
        assertThat(ids(store.byLeadUnit("u1", null, 10))).containsExactly("c-4", "积案-b");
        assertThat(ids(store.byBatch("B-9", null, 10))).containsExactly("Z-1", "积案-b");
        assertThat(ids(store.byBatch("第三批", null, 10))).containsExactly("积案-a", "积案-b");
        assertThat(store.workload("off-1", Instant.MAX)).isEqualTo(new LeaderWorkload("off-1", Instant.MAX, 2, 0));
        assertThat(store.needingAttention(io.github.xinfang.persistence.AttentionQuery.firstPage(T0.plusNanos(1), 10)))
                .containsExactly(written.get(0).indexRow());

        // New commits and replacements fill the new column; the feed continues where version 1 left it.
        StoredCase b = store.load("积案-b").orElseThrow();
        CaseCommit next = commit("积案-b", b.version(), b.events().size(), 1, r -> r.trackState("IN_RESOLUTION")
                .activeLeader("off-1").leadUnit("u1").batches(List.of("第三批")).earliestDueAt(DUE));
        store.commit(next);
        IndexRow replaced = store.indexRow("积案-a").orElseThrow().toBuilder().earliestDueAt(DUE.plusSeconds(1)).build();
        assertThat(store.replaceIndexRow(replaced)).isTrue();

        assertThat(store.workload("off-1", DUE)).isEqualTo(new LeaderWorkload("off-1", DUE, 2, 1));
        assertThat(store.workload("off-1", DUE.plusSeconds(1))).isEqualTo(new LeaderWorkload("off-1", DUE.plusSeconds(1), 2, 2));
        assertThat(ids(store.byBatch("B-9", null, 10))).containsExactly("Z-1");
        List<Change> feed = store.changesAfter(0, 10);
        assertThat(feed).extracting(Change::position).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(feed.get(4).caseId()).isEqualTo("积案-b");
        assertThat(feed.get(4).events()).containsExactlyElementsOf(next.events());
    }

    /**
     * Writes a new case's first commit the way the schema-version-1 adapter did: no earliest_due_at column (its commit
     * row as {@code writer} writes it, unchanged since version 1, and its event rows without the link column of version 7).
     */
    private static void writeAsVersion1(JdbcCaseStore writer, Connection c, CaseCommit commit, long position) throws SQLException {
        IndexRow row = commit.indexRow();
        List<StoredEvent> events = commit.events();
        long last = events.get(events.size() - 1).sequence();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_case (case_id, version, last_sequence,"
                + " index_schema_version, stage, region_code, handling_unit, next_attention_at, track_state, active_leader,"
                + " lead_unit, snapshot_version, snapshot_schema_version, snapshot_payload)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, commit.caseId());
            ps.setLong(2, commit.newVersion());
            ps.setLong(3, last);
            ps.setInt(4, row.schemaVersion());
            ps.setString(5, row.stage());
            ps.setString(6, row.regionCode());
            ps.setString(7, row.handlingUnit().orElse(null));
            if (row.nextAttentionAt().isPresent()) {
                ps.setBigDecimal(8, Instants.toDecimal(row.nextAttentionAt().get()));
            } else {
                ps.setNull(8, Types.DECIMAL);
            }
            ps.setString(9, row.trackState().orElse(null));
            ps.setString(10, row.activeLeader().orElse(null));
            ps.setString(11, row.leadUnit().orElse(null));
            ps.setLong(12, commit.snapshot().version());
            ps.setInt(13, commit.snapshot().schemaVersion());
            ps.setString(14, commit.snapshot().payload());
            ps.executeUpdate();
        }
        writer.insertCommit(c, commit, events.get(0).sequence(), last);
        for (StoredEvent e : events) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_event (case_id, sequence, commit_version, type,"
                    + " schema_version, payload, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.caseId());
                ps.setLong(2, e.sequence());
                ps.setLong(3, commit.newVersion());
                ps.setString(4, e.type());
                ps.setInt(5, e.schemaVersion());
                ps.setString(6, e.payload());
                ps.setBigDecimal(7, Instants.toDecimal(e.recordedAt()));
                ps.executeUpdate();
            }
        }
        for (String unit : row.unitsInvolved()) insert(c, "INSERT INTO xf_case_unit (case_id, unit_id) VALUES (?, ?)", commit.caseId(), unit);
        for (String batch : row.batches()) insert(c, "INSERT INTO xf_case_batch (case_id, batch_id) VALUES (?, ?)", commit.caseId(), batch);
        insert(c, "INSERT INTO xf_claim (case_id) VALUES (?)", commit.caseId());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_change (position, case_id, version, first_sequence,"
                + " last_sequence) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, position);
            ps.setString(2, commit.caseId());
            ps.setLong(3, commit.newVersion());
            ps.setLong(4, events.get(0).sequence());
            ps.setLong(5, last);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE xf_feed_counter SET last_position = ? WHERE id = 1")) {
            ps.setLong(1, position);
            ps.executeUpdate();
        }
    }

    private static void insert(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) ps.setString(i + 1, values[i]);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------------ handover

    @Test
    void aHandoverMovesTheCaseBetweenTheLeadersListingsAndWorkloadsInOneCommit() {
        JdbcCaseStore store = db.store();
        store.commit(commit("积案-1", 0, 0, 1, b -> b.activeLeader("off-old").leadUnit("u1").batches(List.of("B-1", "B-2"))
                .earliestDueAt(DUE)));
        store.commit(commit("积案-2", 0, 0, 1, b -> b.activeLeader("off-old").leadUnit("u1").earliestDueAt(DUE.plusSeconds(1))));
        assertThat(store.workload("off-old", DUE)).isEqualTo(new LeaderWorkload("off-old", DUE, 2, 1));

        // 新官理旧账: the successor inherits the case; its batches change in the same commit
        store.commit(commit("积案-1", 1, 1, 1, b -> b.activeLeader("off-new").leadUnit("u2").batches(List.of("B-2", "B-3"))
                .earliestDueAt(DUE)));

        IndexRow moved = store.indexRow("积案-1").orElseThrow();
        assertThat(ids(store.byActiveLeader("off-old", null, 10))).containsExactly("积案-2");
        assertThat(store.byActiveLeader("off-new", null, 10)).containsExactly(moved);
        assertThat(ids(store.byLeadUnit("u1", null, 10))).containsExactly("积案-2");
        assertThat(store.byLeadUnit("u2", null, 10)).containsExactly(moved);
        assertThat(store.byBatch("B-1", null, 10)).isEmpty();
        assertThat(store.byBatch("B-3", null, 10)).containsExactly(moved);
        assertThat(store.workload("off-old", DUE)).isEqualTo(new LeaderWorkload("off-old", DUE, 1, 0));
        assertThat(store.workload("off-old", DUE.plusSeconds(1)).overdueCases()).isEqualTo(1);
        assertThat(store.workload("off-new", DUE)).isEqualTo(new LeaderWorkload("off-new", DUE, 1, 1));
        assertThat(store.workload("off-new", DUE.minusNanos(1)).overdueCases()).isZero();
        assertThat(store.workload("off-nobody", DUE)).isEqualTo(new LeaderWorkload("off-nobody", DUE, 0, 0));
    }

    // ------------------------------------------------------------------------------------------ indexes

    /**
     * The plans of the four statements name their index. Sequential scans are switched off on PostgreSQL so that the
     * planner, which prefers a scan on a table this small, shows whether an index can serve the statement at all.
     */
    @Test
    void eachResolutionQueryRangesOverItsIndex() throws SQLException {
        JdbcCaseStore store = db.store();
        for (int i = 0; i < 30; i++) {
            int n = i;
            store.commit(commit("c-" + i, 0, 0, 1, b -> b.activeLeader("off-" + n % 3).leadUnit("u" + n % 4)
                    .batches(List.of("B-" + n % 5)).earliestDueAt(DUE.plusSeconds(n))));
        }
        try (Connection c = db.connect()) {
            db.planWithIndexes(c, "xf_case", "xf_case_batch");
            for (boolean keyset : new boolean[] {false, true}) {
                assertThat(plan(c, JdbcCaseStore.Listing.LEADER.sql(keyset), keyset, "off-1")).contains("xf_case_by_leader");
                assertThat(plan(c, JdbcCaseStore.Listing.LEAD_UNIT.sql(keyset), keyset, "u1")).contains("xf_case_by_lead_unit");
                assertThat(plan(c, JdbcCaseStore.Listing.BATCH.sql(keyset), keyset, "B-1")).contains("xf_case_batch_by_batch");
            }
            String workload;
            try (PreparedStatement ps = c.prepareStatement(TestDatabase.explain(c) + JdbcCaseStore.WORKLOAD_SQL)) {
                ps.setBigDecimal(1, Instants.toDecimal(DUE));
                ps.setString(2, "off-1");
                workload = text(ps);
            }
            assertThat(workload).containsAnyOf("xf_case_leader_due", "xf_case_by_leader");
        }
        assertThat(store.workload("off-1", DUE.plusSeconds(10))).isEqualTo(new LeaderWorkload("off-1", DUE.plusSeconds(10), 10, 4));
    }

    private static String plan(Connection c, String sql, boolean keyset, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TestDatabase.explain(c) + sql)) {
            int i = 1;
            ps.setString(i++, key);
            if (keyset) ps.setString(i++, "c-1");
            ps.setInt(i, 10);
            return text(ps);
        }
    }

    /** The plan's text, lower case (H2 writes index names in upper case). */
    private static String text(PreparedStatement ps) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) plan.append(rs.getString(1)).append('\n');
        }
        return plan.toString().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private boolean columnExists(String table, String column) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM"
                + " information_schema.columns WHERE LOWER(table_name) = ? AND LOWER(column_name) = ?"
                + (db.kind() == TestDatabase.Kind.POSTGRESQL ? " AND table_schema = current_schema()"
                : db.isMariaDb() ? " AND table_schema = DATABASE()" : ""))) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static List<String> ids(List<IndexRow> rows) {
        List<String> ids = new ArrayList<>();
        for (IndexRow r : rows) ids.add(r.caseId());
        return ids;
    }
}
