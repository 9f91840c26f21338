package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredEvent;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A commit's writes in one round trip before its {@code COMMIT}, on PostgreSQL's own driver (pgjdbc), which sends the
 * statements of one multi-statement query together and answers them together: the transaction's isolation level, the
 * guard (the new case row, or the guarded update of the case row written to fail when it matches no row, which stops
 * the statements after it), then everything the guard allows: the commit record, the events and the child rows of the
 * index row from arrays bound as parameters, and the pending change. Inside a caller's transaction the guard is a
 * round trip of its own and the rest a second one. The text never depends on how many events or child rows a commit
 * has, so the driver prepares each text once per connection and the server plans it once.
 *
 * <p>After an update the child rows change in place (the statement-by-statement path deletes and re-inserts them all):
 * rows the new index row lacks are deleted, new ones inserted, changed due instants updated, and the rows that stay (at
 * most commits, all of them) are not written, which spares their indexes and the write-ahead log. The rows stored are
 * the same. Needs PostgreSQL 9.5 or later ({@code ON CONFLICT}). Other drivers, including the PostgreSQL-compatible
 * databases' own, take the statement-by-statement path. Stateless.
 */
final class PipelinedCommit {

    /** The name pgjdbc reports in its {@code DatabaseMetaData}. */
    private static final String PGJDBC = "PostgreSQL JDBC Driver";

    /**
     * Put before the guard in a transaction of the store's own: the level the store needs, set for this transaction
     * only, in the same round trip (the connection's own level is neither read nor changed).
     */
    static final String ISOLATION = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; ";

    private static final String COMMIT = "INSERT INTO xf_commit (case_id, version, idempotency_key, command_digest,"
            + " first_sequence, last_sequence) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String CLAIM = "INSERT INTO xf_claim (case_id) VALUES (?)";
    private static final String EVENTS = "INSERT INTO xf_event (case_id, sequence, commit_version, type, schema_version,"
            + " payload, recorded_at, chain_link) SELECT ?, e.s, ?, e.t, e.v, e.p, e.r, e.l FROM unnest(?::int8[],"
            + " ?::varchar[], ?::int4[], ?::text[], ?::numeric[], ?::varchar[]) AS e(s, t, v, p, r, l)";
    private static final String CHANGE = JdbcCaseStore.INSERT_CHANGE_SQL;

    /** Everything after a new case's row. */
    static final String AFTER_INSERT = String.join("; ", CLAIM, COMMIT, EVENTS, children(false));
    /**
     * Everything after a case row's guarded update. The child rows change in place: the rows the new index row no
     * longer has are deleted, its new rows inserted and changed due instants updated, and the rows that stay as they were
     * (most of them, at most commits) are not touched.
     */
    static final String AFTER_UPDATE = String.join("; ", COMMIT, EVENTS, children(true));

    private PipelinedCommit() {
    }

    /**
     * The child rows' statements, then the pending change. Each child statement takes the case id and an array (the
     * clock dues: two arrays); in place ({@code incremental}), each list first deletes what its array lacks.
     */
    private static String children(boolean incremental) {
        List<String> sql = new ArrayList<>();
        list(sql, incremental, "xf_case_unit", "unit_id", "");
        list(sql, incremental, "xf_case_batch", "batch_id", "");
        list(sql, incremental, "xf_case_tag", "tag", "");
        if (incremental) sql.add("DELETE FROM xf_case_clock WHERE case_id = ? AND clock <> ALL(?::varchar[])");
        sql.add("INSERT INTO xf_case_clock AS k (case_id, clock, due_at) SELECT ?, d.c, d.a FROM unnest(?::varchar[],"
                + " ?::numeric[]) AS d(c, a)" + (incremental
                ? " ON CONFLICT (case_id, clock) DO UPDATE SET due_at = EXCLUDED.due_at WHERE k.due_at <> EXCLUDED.due_at"
                : ""));
        for (JdbcCaseStore.AccessKind k : JdbcCaseStore.AccessKind.values()) {
            list(sql, incremental, "xf_case_access", "party_id", "'" + k.code + "'");
        }
        sql.add(CHANGE);
        return String.join("; ", sql);
    }

    /** A list's statements: in place, a delete of the values not in the array, then an insert of those not stored. */
    private static void list(List<String> sql, boolean incremental, String table, String column, String kind) {
        String kindColumn = kind.isEmpty() ? "" : "kind, ";
        if (incremental) {
            sql.add("DELETE FROM " + table + " WHERE case_id = ?" + (kind.isEmpty() ? "" : " AND kind = " + kind)
                    + " AND " + column + " <> ALL(?::varchar[])");
        }
        sql.add("INSERT INTO " + table + " (case_id, " + kindColumn + column + ") SELECT ?, " + (kind.isEmpty() ? "" : kind + ", ")
                + "unnest(?::varchar[])" + (incremental ? " ON CONFLICT DO NOTHING" : ""));
    }

    /** What a refused guard says, in the message of the error that stops the statements after it. */
    private static final String GUARD_REFUSED = "xinfang: the case row is not at the expected version";

    /**
     * A guarded update that fails when it matches no row, so that the statements sent after it in the same round trip
     * are not run (PostgreSQL skips the rest of a failed transaction's pipeline): the update's count, cast to an integer,
     * and the refusal's sentence when the count is not 1, which fails the cast.
     */
    static String refusing(String guardedUpdate) {
        return "WITH g AS (" + guardedUpdate + " RETURNING 1) SELECT CAST(CASE WHEN count(*) = 1 THEN '1' ELSE '"
                + GUARD_REFUSED + "' END AS integer) FROM g";
    }

    /** @return whether a failure is {@link #refusing}'s: the guarded update matched no row */
    static boolean refused(SQLException e) {
        return "22P02".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains(GUARD_REFUSED);
    }

    /** @return whether the connection's driver is pgjdbc, which pipelines a multi-statement query */
    static boolean supports(Connection c) throws SQLException {
        return PGJDBC.equals(c.getMetaData().getDriverName());
    }

    /**
     * Binds and runs {@link #AFTER_INSERT} or {@link #AFTER_UPDATE}, alone or after the guard in the same text.
     *
     * @param ps the prepared text
     * @param firstParameter the index of the first parameter after the guard's
     */
    static void writeAfterGuard(Connection c, PreparedStatement ps, int firstParameter, CaseCommit commit, boolean newCase)
            throws SQLException {
        List<StoredEvent> events = commit.events();
        String caseId = commit.caseId();
        long first = events.get(0).sequence();
        long last = events.get(events.size() - 1).sequence();
        int p = firstParameter;
        if (newCase) ps.setString(p++, caseId);
        ps.setString(p++, caseId);
        ps.setLong(p++, commit.newVersion());
        ps.setString(p++, commit.idempotencyKey());
        ps.setString(p++, commit.commandDigest());
        ps.setLong(p++, first);
        ps.setLong(p++, last);

        int n = events.size();
        Long[] sequences = new Long[n];
        String[] types = new String[n];
        Integer[] versions = new Integer[n];
        String[] payloads = new String[n];
        BigDecimal[] recorded = new BigDecimal[n];
        String[] links = new String[n];
        for (int i = 0; i < n; i++) {
            StoredEvent e = events.get(i);
            sequences[i] = e.sequence();
            types[i] = e.type();
            versions[i] = e.schemaVersion();
            payloads[i] = e.payload();
            recorded[i] = Instants.toDecimal(e.recordedAt());
            links[i] = commit.linkAt(i);
        }
        ps.setString(p++, caseId);
        ps.setLong(p++, commit.newVersion());
        ps.setArray(p++, c.createArrayOf("int8", sequences));
        ps.setArray(p++, c.createArrayOf("varchar", types));
        ps.setArray(p++, c.createArrayOf("int4", versions));
        ps.setArray(p++, c.createArrayOf("text", payloads));
        ps.setArray(p++, c.createArrayOf("numeric", recorded));
        ps.setArray(p++, c.createArrayOf("varchar", links));

        IndexRow row = commit.indexRow();
        boolean incremental = !newCase;
        p = bindList(c, ps, p, caseId, row.unitsInvolved(), incremental);
        p = bindList(c, ps, p, caseId, row.batches(), incremental);
        p = bindList(c, ps, p, caseId, row.subjectTags(), incremental);
        List<ClockDue> dues = row.clockDues();
        String[] clocks = new String[dues.size()];
        BigDecimal[] dueAt = new BigDecimal[dues.size()];
        for (int i = 0; i < clocks.length; i++) {
            clocks[i] = dues.get(i).clock();
            dueAt[i] = Instants.toDecimal(dues.get(i).dueAt());
        }
        Array clockArray = c.createArrayOf("varchar", clocks);
        if (incremental) {
            ps.setString(p++, caseId);
            ps.setArray(p++, clockArray);
        }
        ps.setString(p++, caseId);
        ps.setArray(p++, clockArray);
        ps.setArray(p++, c.createArrayOf("numeric", dueAt));
        for (JdbcCaseStore.AccessKind k : JdbcCaseStore.AccessKind.values()) {
            p = bindList(c, ps, p, caseId, k.column.apply(row), incremental);
        }

        ps.setString(p++, caseId);
        ps.setLong(p++, commit.newVersion());
        ps.setLong(p++, first);
        ps.setLong(p, last);
        ps.execute();
        while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
            // every statement's result is read, so that none is left pending on the connection
        }
    }

    /** Binds a list's statements of {@link #children}: the case id and the array, twice in place. */
    private static int bindList(Connection c, PreparedStatement ps, int p, String caseId, List<String> values,
                                boolean incremental) throws SQLException {
        Array array = c.createArrayOf("varchar", values.toArray(new String[0]));
        int statements = incremental ? 2 : 1;
        for (int i = 0; i < statements; i++) {
            ps.setString(p++, caseId);
            ps.setArray(p++, array);
        }
        return p;
    }
}
