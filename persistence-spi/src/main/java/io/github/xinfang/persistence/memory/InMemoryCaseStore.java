package io.github.xinfang.persistence.memory;

import io.github.xinfang.persistence.AccessScope;
import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ChainedEvent;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.Claim;
import io.github.xinfang.persistence.ClusterQuery;
import io.github.xinfang.persistence.ClusterWarnings;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.IndexMaintenance;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.OverdueQuery;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.ReportQuery;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.StoredWarning;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.persistence.WorkClaims;
import io.github.xinfang.persistence.chain.AccessAudit;
import io.github.xinfang.persistence.chain.AuditEntry;
import io.github.xinfang.persistence.chain.AuditRecord;
import io.github.xinfang.persistence.chain.EventChain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link CaseStore} held in memory, with all optional ports ({@link ChangeFeed}, {@link CaseQuery},
 * {@link WorkClaims}, {@link IndexMaintenance}, {@link ResolutionQuery}, {@link OverdueQuery}, {@link ReportQuery},
 * {@link ClusterQuery}, {@link ClusterWarnings}, {@link AccessAudit}), the event chain (rule S9) and commits without a
 * snapshot (rule S10): the embedded default and the reference
 * implementation of the SPI contract.
 *
 * <p>Thread-safe: commits on one case are serialised by the case's entry, commits on different cases run in
 * parallel; readers see whole commits only (each case's state is swapped as one immutable value). Queries
 * are answered from sorted indexes kept up to date on every commit and index-row replacement (by next attention
 * instant, overall and per unit involved; by case id per active leader, lead unit and batch; by earliest due
 * instant per active leader; by case id per handling unit, region code and active leader of the cases with an open
 * duty clock), never by scanning all cases: a leader's workload costs a walk over that leader's overdue cases, an
 * overdue listing or count a walk over the scope's cases that have an open duty clock. A report's listing
 * ({@link ReportQuery}) walks the case ids in order, as the report itself reads every case it may count; the cluster
 * query walks the ids of the cases with subject tags only. Nothing is durable: the store lives as long as the object.
 *
 * @since 0.1
 */
public final class InMemoryCaseStore implements CaseStore, ChangeFeed, CaseQuery, WorkClaims, IndexMaintenance, AccessAudit,
        ResolutionQuery, OverdueQuery, ReportQuery, ClusterQuery, ClusterWarnings {

    /**
     * One case's committed state; replaced as a whole on every commit. {@code afterSnapshot} is the index in the
     * history of the first event after the latest snapshot (rule S10).
     */
    private record Entry(StoredCase stored, IndexRow indexRow, Map<String, AppliedCommand> applied, List<ChainedEvent> chained,
                         int afterSnapshot) {}

    /** A position in the attention index: (next attention instant, case id). */
    private record Key(Instant at, String caseId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : caseId.compareTo(o.caseId);
        }
    }

    private final ConcurrentHashMap<String, Entry> cases = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<String> caseIds = new ConcurrentSkipListSet<>();
    private final ConcurrentSkipListSet<Key> attention = new ConcurrentSkipListSet<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<Key>> attentionByUnit = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LeaderCases> byLeader = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<String>> byLeadUnit = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<String>> byBatch = new ConcurrentHashMap<>();
    /** Cases with clock dues, by handling unit, by region code and by active leader (the overdue queries). */
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<String>> dueByUnit = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<String>> dueByRegion = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<String>> dueByLeader = new ConcurrentHashMap<>();
    /** The ids of the cases whose row has subject tags (the cluster query). */
    private final ConcurrentSkipListSet<String> tagged = new ConcurrentSkipListSet<>();
    /** The cluster warnings, by id; raised under their own lock. */
    private final java.util.concurrent.ConcurrentSkipListMap<String, StoredWarning> warnings =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    /** The access audit trail: each case's records and head, and each actor's (case, sequence) positions. */
    private final ConcurrentHashMap<String, CaseAudit> audits = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<String> auditedCases = new ConcurrentSkipListSet<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<AuditKey>> auditsByActor = new ConcurrentHashMap<>();

    /** A case's audit trail; guarded by itself. */
    private static final class CaseAudit {
        long lastSequence;
        String lastLink;
        final java.util.TreeMap<Long, AuditRecord> records = new java.util.TreeMap<>();
    }

    private record AuditKey(String caseId, long sequence) implements Comparable<AuditKey> {
        @Override
        public int compareTo(AuditKey o) {
            int c = caseId.compareTo(o.caseId);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    private final Object feedLock = new Object();
    private final List<Slot> feed = new ArrayList<>();              // guarded by feedLock

    /** A feed position, taken inside the commit and published once the commit is installed. */
    private static final class Slot {
        final Change change;
        volatile boolean published;

        Slot(Change change) {
            this.change = change;
        }
    }
    private final Map<String, Claim> leases = new HashMap<>();      // guarded by itself

    /**
     * One active leader's cases: their ids (for paging and the active count) and their (earliest due instant, case
     * id) keys (for the overdue count), changed together under the object's lock so a count never sees one
     * without the other.
     */
    private static final class LeaderCases {
        private final TreeSet<String> ids = new TreeSet<>();
        private final TreeSet<Key> due = new TreeSet<>();

        synchronized void add(String caseId, Instant dueAt) {
            ids.add(caseId);
            if (dueAt != null) due.add(new Key(dueAt, caseId));
        }

        synchronized void remove(String caseId, Instant dueAt) {
            ids.remove(caseId);
            if (dueAt != null) due.remove(new Key(dueAt, caseId));
        }

        synchronized void moveDue(String caseId, Instant from, Instant to) {
            if (from != null) due.remove(new Key(from, caseId));
            if (to != null) due.add(new Key(to, caseId));
        }

        /** Up to {@code limit} rows after a case id; {@code current} gives a case's row, or null to skip it. */
        synchronized List<IndexRow> page(String after, int limit, Function<String, IndexRow> current) {
            List<IndexRow> page = new ArrayList<>(Math.min(limit, ids.size()));
            for (String id : after == null ? ids : ids.tailSet(after, false)) {
                if (page.size() >= limit) break;
                IndexRow row = current.apply(id);
                if (row != null) page.add(row);
            }
            return page;
        }

        /** @return {active, overdue at asOf}: a walk over the overdue keys only */
        synchronized long[] counts(Instant asOf) {
            long overdue = 0;
            for (Key k : due) {
                if (k.at().isAfter(asOf)) break;
                overdue++;
            }
            return new long[] {ids.size(), overdue};
        }
    }

    private InMemoryCaseStore() {}

    /** @return a new, empty store */
    public static InMemoryCaseStore create() {
        return new InMemoryCaseStore();
    }

    @Override
    public void commit(CaseCommit commit) {
        Objects.requireNonNull(commit, "commit");
        Slot[] slot = new Slot[1];
        cases.compute(commit.caseId(), (id, current) -> {
            Entry next = apply(current, commit);
            reindex(current == null ? null : current.indexRow(), next.indexRow());
            synchronized (feedLock) {
                slot[0] = new Slot(new Change(feed.size() + 1L, commit.caseId(), commit.newVersion(), commit.events()));
                feed.add(slot[0]);
            }
            return next;
        });
        // Readers of the feed see a position only once the commit is installed, and never past an unpublished one.
        slot[0].published = true;
        caseIds.add(commit.caseId());
    }

    private static Entry apply(Entry current, CaseCommit commit) {
        long stored = current == null ? 0 : current.stored().version();
        if (stored != commit.expectedVersion()) {
            throw new VersionConflictException(commit.caseId(), commit.expectedVersion(), stored);
        }
        if (current != null && current.applied().containsKey(commit.idempotencyKey())) {
            throw new DuplicateCommandException(commit.caseId(), commit.idempotencyKey());
        }
        List<StoredEvent> history = current == null ? List.of() : current.stored().events();
        long nextSequence = history.size() + 1L;
        if (commit.events().get(0).sequence() != nextSequence) {
            throw new IllegalArgumentException("events must continue the stored sequence of case " + commit.caseId()
                    + " at " + nextSequence + ", got " + commit.events().get(0).sequence());
        }
        List<StoredEvent> events = new ArrayList<>(history.size() + commit.events().size());
        events.addAll(history);
        events.addAll(commit.events());
        Map<String, AppliedCommand> applied = new HashMap<>(current == null ? Map.of() : current.applied());
        applied.put(commit.idempotencyKey(), new AppliedCommand(commit.caseId(), commit.idempotencyKey(),
                commit.commandDigest(), commit.expectedVersion(), commit.newVersion(), commit.events()));
        List<ChainedEvent> chained = new ArrayList<>(events.size());
        if (current != null) chained.addAll(current.chained());
        for (int i = 0; i < commit.events().size(); i++) {
            chained.add(new ChainedEvent(commit.events().get(i), commit.idempotencyKey(), commit.linkAt(i)));
        }
        // Rule S10: a commit without a snapshot keeps the latest one (the first commit of a case always carries one).
        StoredSnapshot snapshot = commit.carriesSnapshot() ? commit.snapshot() : current.stored().snapshot();
        int afterSnapshot = commit.carriesSnapshot() ? events.size() : current.afterSnapshot();
        StoredCase next = new StoredCase(commit.caseId(), commit.newVersion(), snapshot,
                Collections.unmodifiableList(events), chained.get(chained.size() - 1).link());
        return new Entry(next, commit.indexRow(), Collections.unmodifiableMap(applied), Collections.unmodifiableList(chained),
                afterSnapshot);
    }

    /** Moves a case's keys in every index from its old row to its new one. */
    private void reindex(IndexRow old, IndexRow now) {
        reindexAttention(old, now);
        reindexResolution(old, now);
        reindexDue(dueByUnit, old, now, r -> r.handlingUnit().orElse(null));
        reindexDue(dueByRegion, old, now, IndexRow::regionCode);
        reindexDue(dueByLeader, old, now, r -> r.activeLeader().orElse(null));
        if (now.subjectTags().isEmpty()) tagged.remove(now.caseId());
        else tagged.add(now.caseId());
    }

    /**
     * Moves a case in one of the overdue indexes: it is under its row's key while its row has clock dues. Only a
     * change moves it, so a case that keeps its key and its clock dues never leaves the index.
     */
    private static void reindexDue(ConcurrentHashMap<String, ConcurrentSkipListSet<String>> index, IndexRow old, IndexRow now,
                                   Function<IndexRow, String> key) {
        String oldKey = old == null || old.clockDues().isEmpty() ? null : key.apply(old);
        String newKey = now.clockDues().isEmpty() ? null : key.apply(now);
        if (Objects.equals(oldKey, newKey)) return;
        if (newKey != null) index.computeIfAbsent(newKey, k -> new ConcurrentSkipListSet<>()).add(now.caseId());
        if (oldKey != null) index.get(oldKey).remove(now.caseId());
    }

    /** Moves a case's keys in the attention indexes from its old row to its new one. */
    private void reindexAttention(IndexRow old, IndexRow now) {
        if (old != null && old.nextAttentionAt().isPresent()) {
            Key k = new Key(old.nextAttentionAt().get(), old.caseId());
            attention.remove(k);
            for (String unit : old.unitsInvolved()) {
                ConcurrentSkipListSet<Key> set = attentionByUnit.get(unit);
                if (set != null) set.remove(k);
            }
        }
        if (now.nextAttentionAt().isPresent()) {
            Key k = new Key(now.nextAttentionAt().get(), now.caseId());
            attention.add(k);
            for (String unit : now.unitsInvolved()) {
                attentionByUnit.computeIfAbsent(unit, u -> new ConcurrentSkipListSet<>()).add(k);
            }
        }
    }

    /**
     * Moves a case in the resolution indexes from its old row to its new one. Only what changed moves, so a case
     * whose leader, lead unit or batch stays never leaves that index, not even for an instant.
     */
    private void reindexResolution(IndexRow old, IndexRow now) {
        String id = now.caseId();
        String oldLeader = old == null ? null : old.activeLeader().orElse(null);
        String newLeader = now.activeLeader().orElse(null);
        Instant oldDue = old == null ? null : old.earliestDueAt().orElse(null);
        Instant newDue = now.earliestDueAt().orElse(null);
        if (oldLeader != null && oldLeader.equals(newLeader)) {
            if (!Objects.equals(oldDue, newDue)) byLeader.get(oldLeader).moveDue(id, oldDue, newDue);
        } else {
            if (newLeader != null) byLeader.computeIfAbsent(newLeader, l -> new LeaderCases()).add(id, newDue);
            if (oldLeader != null) byLeader.get(oldLeader).remove(id, oldDue);
        }
        String oldUnit = old == null ? null : old.leadUnit().orElse(null);
        String newUnit = now.leadUnit().orElse(null);
        if (!Objects.equals(oldUnit, newUnit)) {
            if (newUnit != null) byLeadUnit.computeIfAbsent(newUnit, u -> new ConcurrentSkipListSet<>()).add(id);
            if (oldUnit != null) byLeadUnit.get(oldUnit).remove(id);
        }
        List<String> oldBatches = old == null ? List.of() : old.batches();
        for (String batch : now.batches()) {
            if (!oldBatches.contains(batch)) byBatch.computeIfAbsent(batch, b -> new ConcurrentSkipListSet<>()).add(id);
        }
        for (String batch : oldBatches) {
            if (!now.batches().contains(batch)) byBatch.get(batch).remove(id);
        }
    }

    @Override
    public Optional<StoredCase> load(String caseId) {
        return entry(caseId).map(Entry::stored);
    }

    /** Rule S10: the latest snapshot and the events after it, or the last event when there are none. */
    @Override
    public Optional<StoredCase> loadFromSnapshot(String caseId) {
        return entry(caseId).map(e -> {
            StoredCase s = e.stored();
            int from = Math.min(e.afterSnapshot(), s.events().size() - 1);
            if (from == 0) return s;
            return new StoredCase(s.caseId(), s.version(), s.snapshot(), s.events().subList(from, s.events().size()), s.chainHead());
        });
    }

    /** @return true: commits may omit the snapshot (rule S10) */
    @Override
    public boolean snapshotsOptional() {
        return true;
    }

    // ------------------------------------------------------------------------------------ access audit

    @Override
    public AuditRecord record(AuditEntry entry, EventChain chain) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(chain, "chain");
        CaseAudit trail = audits.computeIfAbsent(entry.caseId(), id -> new CaseAudit());
        AuditRecord r;
        synchronized (trail) {
            long sequence = trail.lastSequence + 1;
            r = new AuditRecord(entry, sequence, trail.lastLink, chain.auditLink(trail.lastLink, entry, sequence));
            trail.records.put(sequence, r);
            trail.lastSequence = sequence;
            trail.lastLink = r.link();
            auditsByActor.computeIfAbsent(entry.actor(), a -> new ConcurrentSkipListSet<>()).add(new AuditKey(entry.caseId(), sequence));
        }
        auditedCases.add(entry.caseId());
        return r;
    }

    @Override
    public List<AuditRecord> recordsAfter(String caseId, long sequence, int limit) {
        AccessAudit.checkArguments(caseId, sequence, limit);
        List<AuditRecord> page = new ArrayList<>(Math.min(limit, 64));
        for (String id : auditedCases.tailSet(caseId, true)) {
            CaseAudit trail = audits.get(id);
            synchronized (trail) {
                for (AuditRecord r : (id.equals(caseId) ? trail.records.tailMap(sequence, false) : trail.records).values()) {
                    if (page.size() >= limit) return page;
                    page.add(r);
                }
            }
        }
        return page;
    }

    @Override
    public List<AuditRecord> byActor(String actor, String caseId, long sequence, int limit) {
        Objects.requireNonNull(actor, "actor");
        AccessAudit.checkArguments(caseId, sequence, limit);
        ConcurrentSkipListSet<AuditKey> keys = auditsByActor.get(actor);
        List<AuditRecord> page = new ArrayList<>(Math.min(limit, 64));
        if (keys == null) return page;
        for (AuditKey k : keys.tailSet(new AuditKey(caseId, sequence), false)) {
            if (page.size() >= limit) break;
            CaseAudit trail = audits.get(k.caseId());
            synchronized (trail) {
                AuditRecord r = trail.records.get(k.sequence());
                if (r != null) page.add(r);
            }
        }
        return page;
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        long purged = 0;
        for (CaseAudit trail : audits.values()) {
            synchronized (trail) {
                var it = trail.records.values().iterator();
                while (it.hasNext()) {
                    AuditRecord r = it.next();
                    if (!r.entry().at().isBefore(cutoff)) continue;
                    it.remove();
                    auditsByActor.get(r.entry().actor()).remove(new AuditKey(r.entry().caseId(), r.sequence()));
                    purged++;
                }
            }
        }
        return purged;
    }

    /** This store keeps the event chain (rule S9). */
    @Override
    public boolean keepsEventChain() {
        return true;
    }

    @Override
    public List<ChainedEvent> chainedEventsAfter(String caseId, long sequence, int limit) {
        ChainedEvent.checkPosition(caseId, sequence, limit);
        List<ChainedEvent> page = new ArrayList<>(Math.min(limit, 64));
        for (String id : caseIds.tailSet(caseId, true)) {
            Entry e = cases.get(id);
            if (e == null) continue;
            List<ChainedEvent> chained = e.chained();
            int from = id.equals(caseId) ? (int) Math.min(sequence, chained.size()) : 0;
            for (int i = from; i < chained.size(); i++) {
                if (page.size() >= limit) return page;
                page.add(chained.get(i));
            }
        }
        return page;
    }

    @Override
    public List<StoredCase> touching(String regionPrefix, Instant since, String afterCaseId, int limit) {
        return touching(regionPrefix, since, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<StoredCase> touching(String regionPrefix, Instant since, String afterCaseId, int limit, AccessScope access) {
        ReportQuery.checkArguments(regionPrefix, since, limit);
        Objects.requireNonNull(access, "access");
        List<StoredCase> page = new ArrayList<>();
        for (String id : afterCaseId == null ? caseIds : caseIds.tailSet(afterCaseId, false)) {
            Entry e = cases.get(id);
            if (e == null || !e.indexRow().regionCode().startsWith(regionPrefix) || !access.contains(e.indexRow())) continue;
            boolean recordedSince = e.stored().events().stream().anyMatch(ev -> !ev.recordedAt().isBefore(since));
            if (recordedSince || e.indexRow().earliestDueAt().isPresent()) page.add(e.stored());
            if (page.size() == limit) break;
        }
        return page;
    }

    @Override
    public List<IndexRow> taggedSince(String regionPrefix, LocalDate since, String afterCaseId, int limit) {
        return taggedSince(regionPrefix, since, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<IndexRow> taggedSince(String regionPrefix, LocalDate since, String afterCaseId, int limit, AccessScope access) {
        ClusterQuery.checkArguments(regionPrefix, since, limit);
        Objects.requireNonNull(access, "access");
        List<IndexRow> page = new ArrayList<>();
        for (String id : afterCaseId == null ? tagged : tagged.tailSet(afterCaseId, false)) {
            Entry e = cases.get(id);
            if (e == null) continue;
            IndexRow row = e.indexRow();
            if (row.subjectTags().isEmpty() || !row.regionCode().startsWith(regionPrefix)) continue;
            if (row.lastPetitionOn().isEmpty() || row.lastPetitionOn().get().isBefore(since) || !access.contains(row)) continue;
            page.add(row);
            if (page.size() == limit) break;
        }
        return page;
    }

    @Override
    public boolean raise(StoredWarning warning) {
        Objects.requireNonNull(warning, "warning");
        synchronized (warnings) {
            if (highestLevel(warning.cluster()) >= warning.level()) return false;
            warnings.put(warning.id(), warning);
            return true;
        }
    }

    @Override
    public List<StoredWarning> warnings(String regionPrefix, String afterId, int limit) {
        ClusterWarnings.checkArguments(regionPrefix, limit);
        List<StoredWarning> page = new ArrayList<>();
        for (StoredWarning w : (afterId == null ? warnings : warnings.tailMap(afterId, false)).values()) {
            if (!w.regionPrefix().startsWith(regionPrefix)) continue;
            page.add(w);
            if (page.size() == limit) break;
        }
        return page;
    }

    @Override
    public int highestLevel(String cluster) {
        Objects.requireNonNull(cluster, "cluster");
        int highest = 0;
        for (StoredWarning w : warnings.subMap(cluster + "#", cluster + "$").values()) {
            if (w.cluster().equals(cluster)) highest = Math.max(highest, w.level());
        }
        return highest;
    }

    @Override
    public Optional<AppliedCommand> findApplied(String caseId, String idempotencyKey) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return entry(caseId).map(e -> e.applied().get(idempotencyKey));
    }

    @Override
    public Optional<IndexRow> indexRow(String caseId) {
        return entry(caseId).map(Entry::indexRow);
    }

    /** @return the case's entry, if it is stored; throws NullPointerException if caseId is null */
    private Optional<Entry> entry(String caseId) {
        return Optional.ofNullable(cases.get(Objects.requireNonNull(caseId, "caseId")));
    }

    @Override
    public List<Change> changesAfter(long position, int limit) {
        if (position < 0) throw new IllegalArgumentException("position must not be negative");
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        List<Change> changes = new ArrayList<>();
        synchronized (feedLock) {
            for (long p = position; p < feed.size() && changes.size() < limit; p++) {
                Slot s = feed.get((int) p);
                if (!s.published) break;
                changes.add(s.change);
            }
        }
        return changes;
    }

    @Override
    public List<IndexRow> needingAttention(AttentionQuery query) {
        return needingAttention(query, AccessScope.everything());
    }

    @Override
    public List<IndexRow> needingAttention(AttentionQuery query, AccessScope access) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(access, "access");
        NavigableSet<Key> index = query.unitInvolved() == null ? attention
                : attentionByUnit.getOrDefault(query.unitInvolved(), new ConcurrentSkipListSet<>());
        NavigableSet<Key> range = query.afterAt() == null ? index : index.tailSet(new Key(query.afterAt(), query.afterCaseId()), false);
        List<IndexRow> rows = new ArrayList<>();
        for (Key k : range) {
            if (!k.at().isBefore(query.before()) || rows.size() >= query.limit()) break;
            Entry e = cases.get(k.caseId());
            if (e == null) continue;
            IndexRow row = e.indexRow();
            if (!row.nextAttentionAt().map(k.at()::equals).orElse(false)) continue;   // moved by a concurrent commit
            if (query.regionPrefix() != null && !row.regionCode().startsWith(query.regionPrefix())) continue;
            if (query.unitInvolved() != null && !row.unitsInvolved().contains(query.unitInvolved())) continue;
            if (!access.contains(row)) continue;
            rows.add(row);
        }
        return rows;
    }

    @Override
    public List<IndexRow> byActiveLeader(String leader, String afterCaseId, int limit) {
        return byActiveLeader(leader, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<IndexRow> byActiveLeader(String leader, String afterCaseId, int limit, AccessScope access) {
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(access, "access");
        checkLimit(limit);
        LeaderCases index = byLeader.get(leader);
        if (index == null) return List.of();
        return index.page(afterCaseId, limit,
                id -> currentRow(id, row -> row.activeLeader().map(leader::equals).orElse(false) && access.contains(row)));
    }

    @Override
    public List<IndexRow> byLeadUnit(String unit, String afterCaseId, int limit) {
        return byLeadUnit(unit, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<IndexRow> byLeadUnit(String unit, String afterCaseId, int limit, AccessScope access) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(access, "access");
        checkLimit(limit);
        return page(byLeadUnit.get(unit), afterCaseId, limit,
                row -> row.leadUnit().map(unit::equals).orElse(false) && access.contains(row));
    }

    @Override
    public List<IndexRow> byBatch(String batch, String afterCaseId, int limit) {
        return byBatch(batch, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<IndexRow> byBatch(String batch, String afterCaseId, int limit, AccessScope access) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(access, "access");
        checkLimit(limit);
        return page(byBatch.get(batch), afterCaseId, limit, row -> row.batches().contains(batch) && access.contains(row));
    }

    @Override
    public LeaderWorkload workload(String leader, Instant asOf) {
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(asOf, "asOf");
        LeaderCases index = byLeader.get(leader);
        long[] counts = index == null ? new long[] {0, 0} : index.counts(asOf);
        return new LeaderWorkload(leader, asOf, counts[0], counts[1]);
    }

    @Override
    public LeaderWorkload workload(String leader, Instant asOf, AccessScope access) {
        Objects.requireNonNull(access, "access");
        if (access.isEverything()) return workload(leader, asOf);
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(asOf, "asOf");
        long active = 0;
        long overdue = 0;
        for (IndexRow row : byActiveLeader(leader, null, Integer.MAX_VALUE, access)) {
            active++;
            if (row.earliestDueAt().map(at -> !at.isAfter(asOf)).orElse(false)) overdue++;
        }
        return new LeaderWorkload(leader, asOf, active, overdue);
    }

    @Override
    public List<IndexRow> overdue(OverdueScope scope, Instant asOf, String afterCaseId, int limit) {
        return overdue(scope, asOf, afterCaseId, limit, AccessScope.everything());
    }

    @Override
    public List<IndexRow> overdue(OverdueScope scope, Instant asOf, String afterCaseId, int limit, AccessScope access) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(access, "access");
        checkLimit(limit);
        Predicate<IndexRow> matches = row -> scope.contains(row) && !row.lateClocks(asOf).isEmpty() && access.contains(row);
        if (!(scope instanceof OverdueScope.RegionPrefix region)) return page(dueIndex(scope), afterCaseId, limit, matches);
        // a prefix spans several region codes: the first `limit` of each, merged, hold the first `limit` of all
        TreeMap<String, IndexRow> merged = new TreeMap<>();
        for (Map.Entry<String, ConcurrentSkipListSet<String>> e : dueByRegion.entrySet()) {
            if (!e.getKey().startsWith(region.prefix())) continue;
            for (IndexRow row : page(e.getValue(), afterCaseId, limit, matches)) merged.put(row.caseId(), row);
        }
        List<IndexRow> rows = new ArrayList<>(merged.values());
        return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
    }

    @Override
    public long countOverdue(OverdueScope scope, Instant asOf) {
        return countOverdue(scope, asOf, AccessScope.everything());
    }

    @Override
    public long countOverdue(OverdueScope scope, Instant asOf, AccessScope access) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(access, "access");
        Predicate<IndexRow> matches = row -> scope.contains(row) && !row.lateClocks(asOf).isEmpty() && access.contains(row);
        List<NavigableSet<String>> indexes = new ArrayList<>();
        if (scope instanceof OverdueScope.RegionPrefix region) {
            for (Map.Entry<String, ConcurrentSkipListSet<String>> e : dueByRegion.entrySet()) {
                if (e.getKey().startsWith(region.prefix())) indexes.add(e.getValue());
            }
        } else {
            NavigableSet<String> index = dueIndex(scope);
            if (index != null) indexes.add(index);
        }
        long count = 0;
        for (NavigableSet<String> index : indexes) {
            for (String id : index) {
                if (currentRow(id, matches) != null) count++;
            }
        }
        return count;
    }

    /** @return the index of a unit's or a leader's cases with clock dues, or null when it has none */
    private NavigableSet<String> dueIndex(OverdueScope scope) {
        if (scope instanceof OverdueScope.HandlingUnit u) return dueByUnit.get(u.unit());
        if (scope instanceof OverdueScope.ActiveLeader l) return dueByLeader.get(l.leader());
        throw new AssertionError("no single index for scope " + scope);
    }

    private static void checkLimit(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
    }

    /** Up to {@code limit} current rows of the ids in an index after a case id. */
    private List<IndexRow> page(NavigableSet<String> index, String after, int limit, Predicate<IndexRow> matches) {
        if (index == null) return List.of();
        List<IndexRow> rows = new ArrayList<>();
        for (String id : after == null ? index : index.tailSet(after, false)) {
            if (rows.size() >= limit) break;
            IndexRow row = currentRow(id, matches);
            if (row != null) rows.add(row);
        }
        return rows;
    }

    /**
     * A case's installed row if it matches, else null: an index moves a case before the commit installs its new
     * row, so a case whose installed row no longer (or not yet) matches is skipped.
     */
    private IndexRow currentRow(String caseId, Predicate<IndexRow> matches) {
        Entry e = cases.get(caseId);
        return e != null && matches.test(e.indexRow()) ? e.indexRow() : null;
    }

    @Override
    public List<String> caseIdsAfter(String after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        List<String> ids = new ArrayList<>();
        for (String id : after == null ? caseIds : caseIds.tailSet(after, false)) {
            if (ids.size() >= limit) break;
            ids.add(id);
        }
        return ids;
    }

    @Override
    public boolean replaceIndexRow(IndexRow row) {
        Objects.requireNonNull(row, "row");
        boolean[] replaced = new boolean[1];
        cases.computeIfPresent(row.caseId(), (id, current) -> {
            if (current.stored().version() != row.version()) return current;
            reindex(current.indexRow(), row);
            replaced[0] = true;
            return new Entry(current.stored(), row, current.applied(), current.chained(), current.afterSnapshot());
        });
        return replaced[0];
    }

    @Override
    public List<Claim> claimDue(Instant dueBefore, Instant now, Duration lease, String owner, int limit) {
        Objects.requireNonNull(dueBefore, "dueBefore");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(owner, "owner");
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive");
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        List<Claim> claimed = new ArrayList<>();
        synchronized (leases) {
            for (Key k : attention) {
                if (!k.at().isBefore(dueBefore) || claimed.size() >= limit) break;
                Claim held = leases.get(k.caseId());
                if (held != null && held.leasedUntil().isAfter(now)) continue;
                Claim c = new Claim(k.caseId(), owner, now.plus(lease));
                leases.put(k.caseId(), c);
                claimed.add(c);
            }
        }
        return claimed;
    }

    @Override
    public boolean release(String caseId, String owner) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(owner, "owner");
        synchronized (leases) {
            Claim held = leases.get(caseId);
            if (held == null || !held.owner().equals(owner)) return false;
            leases.remove(caseId);
            return true;
        }
    }
}
