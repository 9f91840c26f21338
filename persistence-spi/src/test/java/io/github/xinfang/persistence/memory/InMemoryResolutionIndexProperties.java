package io.github.xinfang.persistence.memory;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The in-memory store's resolution indexes (per active leader, lead unit and batch, and per leader by earliest due
 * instant), kept up to date on every commit and index-row replacement, answer exactly what a brute-force scan of
 * every case's latest index row answers: the listings page by page, and the workloads at every due instant.
 */
class InMemoryResolutionIndexProperties {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<String> LEADERS = List.of("off-1", "off-2", "Off-3");
    private static final List<String> UNITS = List.of("unit-a", "unit-b", "单位-c");
    private static final List<String> BATCHES = List.of("B-1", "b-2", "第三批");
    private static final List<String> IDS = List.of("XF-1", "xf-1", "XF-2", "积案-1", "A", "a", "XF-10", "Xf-3", "z", "XF-02");

    /**
     * One write: which case, whether it is a commit or an index-row replacement at the stored version, and the
     * row's resolution columns as small numbers (-1: none).
     */
    record Write(int caseIndex, boolean replace, int leader, int unit, int batchMask, int dueHours) {}

    static Gen<Write> writes() {
        return integers().between(0, IDS.size() - 1).zip(integers().between(0, 3), integers().between(-1, LEADERS.size() - 1),
                integers().between(-1, UNITS.size() - 1), integers().between(0, 7),
                (c, kind, l, u, b) -> new int[] {c, kind, l, u, b})
                .zip(integers().between(-1, 20), (a, due) -> new Write(a[0], a[1] == 0, a[2], a[3], a[4], due));
    }

    @Test
    void listingsAndWorkloadsEqualABruteForceScanOverRandomStores() {
        qt().forAll(lists().of(writes()).ofSizeBetween(0, 60), integers().between(1, 4))
                .checkAssert((writes, pageSize) -> {
                    InMemoryCaseStore store = InMemoryCaseStore.create();
                    Map<String, IndexRow> latest = new TreeMap<>();
                    for (Write w : writes) write(store, w, latest);
                    for (String leader : withNobody(LEADERS)) {
                        assertPagesEqual(latest, r -> r.activeLeader().map(leader::equals).orElse(false), pageSize,
                                (after, limit) -> store.byActiveLeader(leader, after, limit));
                        for (int h = -1; h <= 21; h++) {
                            Instant asOf = T0.plus(Duration.ofHours(h));
                            assertThat(store.workload(leader, asOf)).isEqualTo(bruteWorkload(latest, leader, asOf));
                            assertThat(store.workload(leader, asOf.minusNanos(1)))
                                    .isEqualTo(bruteWorkload(latest, leader, asOf.minusNanos(1)));
                        }
                    }
                    for (String unit : withNobody(UNITS)) {
                        assertPagesEqual(latest, r -> r.leadUnit().map(unit::equals).orElse(false), pageSize,
                                (after, limit) -> store.byLeadUnit(unit, after, limit));
                    }
                    for (String batch : withNobody(BATCHES)) {
                        assertPagesEqual(latest, r -> r.batches().contains(batch), pageSize,
                                (after, limit) -> store.byBatch(batch, after, limit));
                    }
                });
    }

    /** A listing method of the store under test. */
    interface Listing {
        List<IndexRow> page(String after, int limit);
    }

    private static void assertPagesEqual(Map<String, IndexRow> latest, Predicate<IndexRow> matches, int pageSize, Listing listing) {
        List<IndexRow> expected = latest.values().stream().filter(matches)
                .sorted(Comparator.comparing(IndexRow::caseId)).collect(Collectors.toList());
        List<IndexRow> paged = new ArrayList<>();
        String after = null;
        while (true) {
            List<IndexRow> page = listing.page(after, pageSize);
            assertThat(page.size()).isLessThanOrEqualTo(pageSize);
            paged.addAll(page);
            if (page.size() < pageSize) break;
            after = page.get(page.size() - 1).caseId();
        }
        assertThat(paged).isEqualTo(expected);
        // a page may start at any id, stored or not
        for (String from : IDS) {
            List<IndexRow> tail = expected.stream().filter(r -> r.caseId().compareTo(from + "0") > 0).limit(pageSize)
                    .collect(Collectors.toList());
            assertThat(listing.page(from + "0", pageSize)).isEqualTo(tail);
        }
    }

    private static LeaderWorkload bruteWorkload(Map<String, IndexRow> latest, String leader, Instant asOf) {
        long active = 0;
        long overdue = 0;
        for (IndexRow r : latest.values()) {
            if (!r.activeLeader().map(leader::equals).orElse(false)) continue;
            active++;
            if (r.earliestDueAt().map(at -> !at.isAfter(asOf)).orElse(false)) overdue++;
        }
        return new LeaderWorkload(leader, asOf, active, overdue);
    }

    private static List<String> withNobody(List<String> values) {
        List<String> all = new ArrayList<>(values);
        all.add("nobody");
        return all;
    }

    private static void write(InMemoryCaseStore store, Write w, Map<String, IndexRow> latest) {
        String caseId = IDS.get(w.caseIndex());
        Optional<StoredCase> current = store.load(caseId);
        long version = current.map(StoredCase::version).orElse(0L);
        List<String> batches = new ArrayList<>();
        for (int i = 0; i < BATCHES.size(); i++) if ((w.batchMask() & (1 << i)) != 0) batches.add(BATCHES.get(i));
        IndexRow.Builder row = IndexRow.builder(caseId).stage("IN_HANDLING").regionCode("450802")
                .activeLeader(w.leader() < 0 ? null : LEADERS.get(w.leader()))
                .leadUnit(w.unit() < 0 ? null : UNITS.get(w.unit()))
                .batches(batches)
                .earliestDueAt(w.dueHours() < 0 ? null : T0.plus(Duration.ofHours(w.dueHours())));
        if (w.replace() && version > 0) {
            IndexRow replaced = row.version(version).build();
            assertThat(store.replaceIndexRow(replaced)).isTrue();
            latest.put(caseId, replaced);
            return;
        }
        long sequence = current.map(c -> (long) c.events().size()).orElse(0L) + 1;
        IndexRow committed = row.version(version + 1).build();
        store.commit(new CaseCommit(caseId, version, List.of(new StoredEvent(caseId, sequence, "t", 1, "{}", T0)),
                new StoredSnapshot(caseId, version + 1, 1, "{}"), committed, "k" + sequence, "d"));
        latest.put(caseId, committed);
    }
}
