package io.github.xinfang.examples.files;

import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.VersionConflictException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the store keeps in memory, rebuilt from the log when it opens and kept current on every commit: each case's
 * latest index row and where its commit records are in the log, the change feed's record offsets, and the attention
 * index the queries walk. The events, snapshots and idempotency records themselves stay on disk.
 *
 * <p>Not thread-safe: the store reads it under its read lock and changes it under its write lock, so a reader sees
 * every commit whole or not at all (rule S2).
 */
final class CaseIndex {

    /**
     * One case as the index knows it. Immutable; replaced as a whole on every commit.
     *
     * @param row the latest index row
     * @param commits the offsets of the case's commit records, in version order (version {@code i + 1} at {@code i})
     * @param commitByKey the offset of the commit that recorded each idempotency key
     * @param events how many events the case has
     * @param latestRecordedAt the latest instant an event of the case was recorded at
     */
    record CaseEntry(IndexRow row, List<Long> commits, Map<String, Long> commitByKey, long events,
                     Instant latestRecordedAt) {
        /** @return the case's version: the number of its commits */
        long version() {
            return commits.size();
        }
    }

    /** A position in the attention index: (next attention instant, case id), case ids in binary order. */
    private record AttentionKey(Instant at, String caseId) implements Comparable<AttentionKey> {
        @Override
        public int compareTo(AttentionKey o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : caseId.compareTo(o.caseId);
        }
    }

    /** Every case, by case id ({@link String#compareTo}, binary order). */
    private final TreeMap<String, CaseEntry> cases = new TreeMap<>();
    /** The cases with a next attention instant, in query order. */
    private final TreeSet<AttentionKey> attention = new TreeSet<>();
    /** The same, per unit involved. */
    private final Map<String, TreeSet<AttentionKey>> attentionByUnit = new HashMap<>();
    /** The offset of each change's record: position {@code p} at index {@code p - 1}. */
    private final List<Long> feed = new ArrayList<>();

    /**
     * @param caseId a case id
     * @return the case's entry, or null if it was never committed
     */
    CaseEntry entry(String caseId) {
        return cases.get(caseId);
    }

    /** @return the position the next commit gets in the change feed */
    long nextPosition() {
        return feed.size() + 1L;
    }

    /**
     * Checks a commit against the stored state as rules S3, S5 and S4 of {@code CaseStore} say, in that order.
     *
     * @param commit the commit
     * @throws VersionConflictException if the stored version is not the expected one
     * @throws DuplicateCommandException if the key is already recorded for the case
     * @throws IllegalArgumentException if the events do not continue the stored sequence
     */
    void check(CaseCommit commit) {
        CaseEntry current = cases.get(commit.caseId());
        long stored = current == null ? 0 : current.version();
        if (stored != commit.expectedVersion()) {
            throw new VersionConflictException(commit.caseId(), commit.expectedVersion(), stored);
        }
        if (current != null && current.commitByKey().containsKey(commit.idempotencyKey())) {
            throw new DuplicateCommandException(commit.caseId(), commit.idempotencyKey());
        }
        long next = current == null ? 1 : current.events() + 1;
        long first = commit.events().get(0).sequence();
        if (first != next) {
            throw new IllegalArgumentException("events must continue the stored sequence of case " + commit.caseId()
                    + " at " + next + ", got " + first);
        }
    }

    /**
     * Adds a commit that {@link #check} accepted and the log holds at an offset, at the next feed position.
     *
     * @param commit the commit
     * @param offset where its record is
     */
    void add(CaseCommit commit, long offset) {
        CaseEntry current = cases.get(commit.caseId());
        List<Long> commits = new ArrayList<>(current == null ? List.of() : current.commits());
        commits.add(offset);
        Map<String, Long> byKey = new HashMap<>(current == null ? Map.of() : current.commitByKey());
        byKey.put(commit.idempotencyKey(), offset);
        Instant latest = current == null ? null : current.latestRecordedAt();
        for (StoredEvent e : commit.events()) {
            if (latest == null || e.recordedAt().isAfter(latest)) latest = e.recordedAt();
        }
        long events = (current == null ? 0 : current.events()) + commit.events().size();
        cases.put(commit.caseId(), new CaseEntry(commit.indexRow(), List.copyOf(commits), Map.copyOf(byKey), events,
                latest));
        if (current != null) unindexAttention(current.row());
        indexAttention(commit.indexRow());
        feed.add(offset);
    }

    private void indexAttention(IndexRow row) {
        if (row.nextAttentionAt().isEmpty()) return;
        AttentionKey key = new AttentionKey(row.nextAttentionAt().get(), row.caseId());
        attention.add(key);
        for (String unit : row.unitsInvolved()) attentionByUnit.computeIfAbsent(unit, u -> new TreeSet<>()).add(key);
    }

    private void unindexAttention(IndexRow row) {
        if (row.nextAttentionAt().isEmpty()) return;
        AttentionKey key = new AttentionKey(row.nextAttentionAt().get(), row.caseId());
        attention.remove(key);
        for (String unit : row.unitsInvolved()) {
            TreeSet<AttentionKey> keys = attentionByUnit.get(unit);
            keys.remove(key);
            if (keys.isEmpty()) attentionByUnit.remove(unit);
        }
    }

    /**
     * One page of the cases needing attention (rule Q1 of {@code CaseQuery}): a walk along the attention index (the
     * unit's, when the query names one) from the keyset position, stopping at {@code before} or a full page.
     *
     * @param query the query
     * @return the rows, in order
     */
    List<IndexRow> needingAttention(AttentionQuery query) {
        NavigableSet<AttentionKey> index = query.unitInvolved() == null ? attention
                : attentionByUnit.getOrDefault(query.unitInvolved(), new TreeSet<>());
        if (query.afterAt() != null) index = index.tailSet(new AttentionKey(query.afterAt(), query.afterCaseId()), false);
        List<IndexRow> rows = new ArrayList<>();
        for (AttentionKey key : index) {
            if (!key.at().isBefore(query.before()) || rows.size() == query.limit()) break;
            IndexRow row = cases.get(key.caseId()).row();
            if (query.regionPrefix() == null || row.regionCode().startsWith(query.regionPrefix())) rows.add(row);
        }
        return rows;
    }

    /**
     * One page of the cases a report may count (rule P1 of {@code ReportQuery}): a walk along the case ids after
     * {@code afterCaseId}, keeping the cases of the region with an event recorded since {@code since} or an open duty.
     *
     * @param regionPrefix zero to six digits
     * @param since the instant
     * @param afterCaseId the keyset position, or null
     * @param limit the page size
     * @return the cases' entries, ascending by case id
     */
    List<CaseEntry> touching(String regionPrefix, Instant since, String afterCaseId, int limit) {
        Map<String, CaseEntry> range = afterCaseId == null ? cases : cases.tailMap(afterCaseId, false);
        List<CaseEntry> page = new ArrayList<>();
        for (CaseEntry e : range.values()) {
            if (page.size() == limit) break;
            boolean recordedSince = !e.latestRecordedAt().isBefore(since);
            if (e.row().regionCode().startsWith(regionPrefix) && (recordedSince || e.row().earliestDueAt().isPresent())) {
                page.add(e);
            }
        }
        return page;
    }

    /**
     * @param position the last position already read
     * @param limit the most offsets to return
     * @return the record offsets of the changes after the position, ascending
     */
    List<Long> feedAfter(long position, int limit) {
        if (position >= feed.size()) return List.of();
        int from = (int) position;
        return List.copyOf(feed.subList(from, (int) Math.min(feed.size(), from + (long) limit)));
    }
}
