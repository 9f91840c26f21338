package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.SnapshotRebuilder;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the cases whose stored snapshot cannot be read (reading it fails, or the value is missing), rebuilds those
 * snapshots from the cases' events with a {@link SnapshotRebuilder}, and writes them in place. Everything runs on
 * the caller's connection, in the caller's transaction. Stateless.
 *
 * <p>The damage it repairs is H2's: a CLOB that concurrent commits replaced can leave its row pointing at a large
 * object H2 has already removed, after which every read of the value fails (schema version 3 moves payloads out of
 * large objects). Rewriting such a value in place works: H2 drops the reference and skips the missing object.
 */
final class SnapshotRepair {
    /** Rows read per page when checking snapshots; a page that fails is checked again row by row. */
    private static final int PAGE = 500;

    /**
     * A case row's id, version, last sequence, snapshot version and the last sequence of that version's commit (the
     * snapshot may be older than the case: rule S10 of {@code CaseStore}).
     */
    private static final String ROW = "SELECT c.case_id, c.version, c.last_sequence, c.snapshot_version, "
            + JdbcCaseStore.SNAPSHOT_END;
    private static final String CHECK_FIRST = ROW + ", c.snapshot_payload FROM xf_case c ORDER BY c.case_id LIMIT ?";
    private static final String CHECK_NEXT = ROW + ", c.snapshot_payload FROM xf_case c WHERE c.case_id > ?"
            + " ORDER BY c.case_id LIMIT ?";
    private static final String LIST_FIRST = ROW + " FROM xf_case c ORDER BY c.case_id LIMIT ?";
    private static final String LIST_NEXT = ROW + " FROM xf_case c WHERE c.case_id > ? ORDER BY c.case_id LIMIT ?";

    private SnapshotRepair() {}

    /**
     * A case whose snapshot cannot be read, and the snapshot to rebuild: the one of the version it was written at, from
     * the events up to that version's commit (or, if that commit's record is missing, the case's current one).
     *
     * @param caseId the case
     * @param version the version to rebuild the snapshot at
     * @param lastSequence the sequence of the last event that version holds
     * @param storedSnapshotVersion the snapshot version the row holds (the write's guard)
     * @param failure why reading failed, or null if the value is missing
     */
    record Unreadable(String caseId, long version, long lastSequence, long storedSnapshotVersion, SQLException failure) {
        Unreadable failing(SQLException why) {
            return new Unreadable(caseId, version, lastSequence, storedSnapshotVersion, why);
        }
    }

    /** The row {@link #ROW} selects, as the snapshot to rebuild. */
    private static Unreadable row(ResultSet rs) throws SQLException {
        long snapshotVersion = rs.getLong(4);
        long snapshotEnd = rs.getLong(5);
        boolean recorded = !rs.wasNull();
        return recorded ? new Unreadable(rs.getString(1), snapshotVersion, snapshotEnd, snapshotVersion, null)
                : new Unreadable(rs.getString(1), rs.getLong(2), rs.getLong(3), snapshotVersion, null);
    }

    /**
     * Reads every case's snapshot once, a page at a time.
     *
     * @return the cases whose snapshot cannot be read, in case-id order
     * @throws SQLException if the database fails otherwise (a page that fails, yet whose rows all read one by one)
     */
    static List<Unreadable> find(Connection c) throws SQLException {
        List<Unreadable> found = new ArrayList<>();
        String after = null;
        while (true) {
            List<Unreadable> inPage = new ArrayList<>();
            String last = null;
            try (PreparedStatement ps = c.prepareStatement(after == null ? CHECK_FIRST : CHECK_NEXT)) {
                bindPage(ps, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getString(1);
                        if (rs.getString(6) == null) inPage.add(row(rs));
                    }
                }
            } catch (SQLException pageFailure) {
                inPage.clear();
                last = checkOneByOne(c, after, inPage, pageFailure);
            }
            if (last == null) return found;
            found.addAll(inPage);
            after = last;
        }
    }

    /** Checks the page after {@code after} row by row; returns the page's last id, or null if it is empty. */
    private static String checkOneByOne(Connection c, String after, List<Unreadable> inPage, SQLException pageFailure)
            throws SQLException {
        List<Unreadable> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(after == null ? LIST_FIRST : LIST_NEXT)) {
            bindPage(ps, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(row(rs));
            }
        } catch (SQLException e) {
            e.addSuppressed(pageFailure);
            throw e;
        }
        for (Unreadable row : rows) {
            try (PreparedStatement ps = c.prepareStatement("SELECT snapshot_payload FROM xf_case WHERE case_id = ?")) {
                ps.setString(1, row.caseId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1) == null) inPage.add(row);
                }
            } catch (SQLException valueFailure) {
                // The row itself still reads without its snapshot: the value is what cannot be read.
                stillReadable(c, row.caseId(), valueFailure);
                inPage.add(row.failing(valueFailure));
            }
        }
        if (inPage.isEmpty() && !rows.isEmpty()) throw pageFailure;   // every value reads alone: not a damaged value
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).caseId();
    }

    private static void stillReadable(Connection c, String caseId, SQLException valueFailure) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM xf_case WHERE case_id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        } catch (SQLException e) {
            e.addSuppressed(valueFailure);
            throw e;
        }
    }

    private static void bindPage(PreparedStatement ps, String after) throws SQLException {
        int i = 1;
        if (after != null) ps.setString(i++, after);
        ps.setInt(i, PAGE);
    }

    /**
     * Rebuilds the snapshots of the cases given from their events, writing nothing: a case whose events cannot be
     * read, or that the rebuilder refuses, fails the whole repair before anything is written.
     *
     * @return the rebuilt snapshots, in the order given
     * @throws StoreException naming the case whose snapshot could not be rebuilt
     */
    static List<StoredSnapshot> rebuild(Connection c, List<Unreadable> cases, SnapshotRebuilder rebuilder) throws SQLException {
        List<StoredSnapshot> rebuilt = new ArrayList<>(cases.size());
        for (Unreadable u : cases) {
            List<StoredEvent> events;
            try {
                events = JdbcCaseStore.readEvents(new Tables(null), c, u.caseId(), 1, u.lastSequence());
            } catch (SQLException e) {
                throw new StoreException("the events of case " + u.caseId() + " cannot be read, so its unreadable snapshot"
                        + " cannot be rebuilt; nothing was written", e);
            }
            StoredSnapshot snapshot;
            try {
                snapshot = rebuilder.rebuild(u.caseId(), u.version(), events);
            } catch (RuntimeException e) {
                throw new StoreException("rebuilding the snapshot of case " + u.caseId() + " at version " + u.version()
                        + " from its events failed; nothing was written", e);
            }
            if (snapshot == null || !snapshot.caseId().equals(u.caseId()) || snapshot.version() != u.version()) {
                throw new StoreException("the snapshot rebuilder broke rule B2 for case " + u.caseId() + " at version "
                        + u.version() + ": it returned " + (snapshot == null ? "null"
                        : "case " + snapshot.caseId() + " at version " + snapshot.version()) + "; nothing was written");
            }
            rebuilt.add(snapshot);
        }
        return rebuilt;
    }

    /**
     * Writes rebuilt snapshots over the damaged ones, each guarded by the snapshot version the row held when it was
     * found (a commit that wrote a new snapshot meanwhile makes the repair fail; one without a snapshot does not).
     *
     * @param cases the cases found, in the order of {@code snapshots}
     * @param snapshots their rebuilt snapshots
     * @throws StoreException if a case's snapshot changed meanwhile (the caller rolls back)
     */
    static void write(Connection c, List<Unreadable> cases, List<StoredSnapshot> snapshots) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE xf_case SET snapshot_version = ?, snapshot_schema_version = ?,"
                + " snapshot_payload = ? WHERE case_id = ? AND snapshot_version = ?")) {
            for (int i = 0; i < snapshots.size(); i++) {
                StoredSnapshot s = snapshots.get(i);
                ps.setLong(1, s.version());
                ps.setInt(2, s.schemaVersion());
                ps.setString(3, s.payload());
                ps.setString(4, s.caseId());
                ps.setLong(5, cases.get(i).storedSnapshotVersion());
                if (ps.executeUpdate() != 1) {
                    throw new StoreException("case " + s.caseId() + " wrote a new snapshot while its snapshot was being"
                            + " repaired; run the repair again");
                }
            }
        }
    }

    /**
     * Finds, rebuilds and writes, in the caller's transaction.
     *
     * @return the ids of the cases repaired, in case-id order
     */
    static List<String> repair(Connection c, SnapshotRebuilder rebuilder) throws SQLException {
        List<Unreadable> unreadable = find(c);
        List<StoredSnapshot> rebuilt = rebuild(c, unreadable, rebuilder);
        write(c, unreadable, rebuilt);
        return ids(unreadable);
    }

    /** @return the ids, in {@link String#compareTo} order (PostgreSQL's {@code COLLATE "C"} differs for a few characters) */
    static List<String> ids(List<Unreadable> cases) {
        List<String> ids = new ArrayList<>(cases.size());
        for (Unreadable u : cases) ids.add(u.caseId());
        ids.sort(null);
        return ids;
    }
}
