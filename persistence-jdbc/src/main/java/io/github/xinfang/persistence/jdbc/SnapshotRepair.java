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

    private static final String CHECK_FIRST = "SELECT case_id, version, last_sequence, snapshot_payload FROM xf_case"
            + " ORDER BY case_id LIMIT ?";
    private static final String CHECK_NEXT = "SELECT case_id, version, last_sequence, snapshot_payload FROM xf_case"
            + " WHERE case_id > ? ORDER BY case_id LIMIT ?";
    private static final String LIST_FIRST = "SELECT case_id, version, last_sequence FROM xf_case ORDER BY case_id LIMIT ?";
    private static final String LIST_NEXT = "SELECT case_id, version, last_sequence FROM xf_case WHERE case_id > ?"
            + " ORDER BY case_id LIMIT ?";

    private SnapshotRepair() {}

    /**
     * A case whose snapshot cannot be read.
     *
     * @param caseId the case
     * @param version its stored version
     * @param lastSequence its last event's sequence
     * @param failure why reading failed, or null if the value is missing
     */
    record Unreadable(String caseId, long version, long lastSequence, SQLException failure) {}

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
                        if (rs.getString(4) == null) inPage.add(new Unreadable(last, rs.getLong(2), rs.getLong(3), null));
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
                while (rs.next()) rows.add(new Unreadable(rs.getString(1), rs.getLong(2), rs.getLong(3), null));
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
                inPage.add(new Unreadable(row.caseId(), row.version(), row.lastSequence(), valueFailure));
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
     * Writes rebuilt snapshots over the damaged ones, each guarded by the version it was rebuilt at.
     *
     * @throws StoreException if a case moved on meanwhile (the caller rolls back)
     */
    static void write(Connection c, List<StoredSnapshot> snapshots) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE xf_case SET snapshot_version = ?, snapshot_schema_version = ?,"
                + " snapshot_payload = ? WHERE case_id = ? AND version = ?")) {
            for (StoredSnapshot s : snapshots) {
                ps.setLong(1, s.version());
                ps.setInt(2, s.schemaVersion());
                ps.setString(3, s.payload());
                ps.setString(4, s.caseId());
                ps.setLong(5, s.version());
                if (ps.executeUpdate() != 1) {
                    throw new StoreException("case " + s.caseId() + " moved past version " + s.version()
                            + " while its snapshot was being repaired; run the repair again");
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
        write(c, rebuilt);
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
