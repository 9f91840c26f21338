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
import java.util.List;

/**
 * A commit's writes in two round trips on PostgreSQL's own driver (pgjdbc), which sends the statements of one
 * multi-statement query together and answers them together: the guard (the transaction's isolation level, then the
 * new case row or the guarded update of the case row), then everything the guard allows, as one query of fixed text
 * (the commit record, the old child rows deleted, the events and the new child rows from arrays bound as parameters,
 * the pending change). The text never depends on how many events or child rows a commit has, so the driver prepares
 * each of the two texts once per connection and the server plans them once.
 *
 * <p>The statements and their order are those of the statement-by-statement path; only their number of round trips
 * differs. Other drivers (including the PostgreSQL-compatible databases' own, which the README asks to check) take
 * the statement-by-statement path. Stateless.
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
    private static final String UNITS = "INSERT INTO xf_case_unit (case_id, unit_id) SELECT ?, unnest(?::varchar[])";
    private static final String BATCHES = "INSERT INTO xf_case_batch (case_id, batch_id) SELECT ?, unnest(?::varchar[])";
    private static final String TAGS = "INSERT INTO xf_case_tag (case_id, tag) SELECT ?, unnest(?::varchar[])";
    private static final String CLOCKS = "INSERT INTO xf_case_clock (case_id, clock, due_at) SELECT ?, d.c, d.a"
            + " FROM unnest(?::varchar[], ?::numeric[]) AS d(c, a)";
    private static final String CHANGE = JdbcCaseStore.INSERT_CHANGE_SQL;

    /** Everything after a new case's row. */
    static final String AFTER_INSERT = String.join("; ", CLAIM, COMMIT, EVENTS, children());
    /** Everything after a case row's guarded update. */
    static final String AFTER_UPDATE = String.join("; ", COMMIT, String.join("; ", JdbcCaseStore.DELETE_CHILDREN_SQL),
            EVENTS, children());

    private PipelinedCommit() {
    }

    private static String children() {
        StringBuilder sql = new StringBuilder(String.join("; ", UNITS, BATCHES, TAGS, CLOCKS));
        for (JdbcCaseStore.AccessKind k : JdbcCaseStore.AccessKind.values()) {
            sql.append("; INSERT INTO xf_case_access (case_id, kind, party_id) SELECT ?, '").append(k.code)
                    .append("', unnest(?::varchar[])");
        }
        return sql.append("; ").append(CHANGE).toString();
    }

    /** @return whether the connection's driver is pgjdbc, which pipelines a multi-statement query */
    static boolean supports(Connection c) throws SQLException {
        return PGJDBC.equals(c.getMetaData().getDriverName());
    }

    /**
     * Runs a statement that may be several, and answers the update count of the last one (the guard after
     * {@link #ISOLATION}).
     */
    static int lastUpdateCount(PreparedStatement ps) throws SQLException {
        int last = -1;
        boolean resultSet = ps.execute();
        while (true) {
            if (!resultSet) {
                int count = ps.getUpdateCount();
                if (count == -1) return last;
                last = count;
            }
            resultSet = ps.getMoreResults();
        }
    }

    /**
     * Binds and runs {@link #AFTER_INSERT} or {@link #AFTER_UPDATE}.
     *
     * @param ps the prepared text of the one that applies
     */
    static void writeAfterGuard(Connection c, PreparedStatement ps, CaseCommit commit, boolean newCase) throws SQLException {
        List<StoredEvent> events = commit.events();
        String caseId = commit.caseId();
        long first = events.get(0).sequence();
        long last = events.get(events.size() - 1).sequence();
        int p = 1;
        if (newCase) ps.setString(p++, caseId);
        ps.setString(p++, caseId);
        ps.setLong(p++, commit.newVersion());
        ps.setString(p++, commit.idempotencyKey());
        ps.setString(p++, commit.commandDigest());
        ps.setLong(p++, first);
        ps.setLong(p++, last);
        if (!newCase) {
            for (int i = 0; i < JdbcCaseStore.DELETE_CHILDREN_SQL.size(); i++) ps.setString(p++, caseId);
        }

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
        p = bindList(c, ps, p, caseId, row.unitsInvolved());
        p = bindList(c, ps, p, caseId, row.batches());
        p = bindList(c, ps, p, caseId, row.subjectTags());
        List<ClockDue> dues = row.clockDues();
        String[] clocks = new String[dues.size()];
        BigDecimal[] dueAt = new BigDecimal[dues.size()];
        for (int i = 0; i < clocks.length; i++) {
            clocks[i] = dues.get(i).clock();
            dueAt[i] = Instants.toDecimal(dues.get(i).dueAt());
        }
        ps.setString(p++, caseId);
        ps.setArray(p++, c.createArrayOf("varchar", clocks));
        ps.setArray(p++, c.createArrayOf("numeric", dueAt));
        for (JdbcCaseStore.AccessKind k : JdbcCaseStore.AccessKind.values()) {
            p = bindList(c, ps, p, caseId, k.column.apply(row));
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

    private static int bindList(Connection c, PreparedStatement ps, int p, String caseId, List<String> values)
            throws SQLException {
        ps.setString(p, caseId);
        Array array = c.createArrayOf("varchar", values.toArray(new String[0]));
        ps.setArray(p + 1, array);
        return p + 2;
    }
}
