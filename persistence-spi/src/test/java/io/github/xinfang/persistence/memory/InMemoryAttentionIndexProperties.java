package io.github.xinfang.persistence.memory;

import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.Claim;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The in-memory store's attention index, kept up to date on every commit, answers exactly what a brute-force
 * scan of every case's latest index row answers, page by page; and work claims never hand one case to two owners.
 */
class InMemoryAttentionIndexProperties {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<String> REGIONS = List.of("450802", "450803", "450881", "330402", "441602");
    private static final List<String> UNITS = List.of("housing", "labour", "land", "office");

    /** One commit: which case, and the row's columns as small numbers. */
    record Write(int caseIndex, int attentionHours, int region, int unitMask) {}

    static Gen<Write> writes() {
        return integers().between(0, 19).zip(integers().between(-1, 200), integers().between(0, REGIONS.size() - 1),
                integers().between(0, 15), Write::new);
    }

    @Test
    void attentionQueryEqualsABruteForceScanOverRandomStores() {
        qt().forAll(lists().of(writes()).ofSizeBetween(0, 60), integers().between(0, 220), integers().between(1, 7),
                        integers().between(0, REGIONS.size()))
                .checkAssert((writes, beforeHours, pageSize, regionChoice) -> {
                    InMemoryCaseStore store = InMemoryCaseStore.create();
                    Map<String, IndexRow> latest = new HashMap<>();
                    for (Write w : writes) {
                        IndexRow row = commit(store, w);
                        latest.put(row.caseId(), row);
                    }
                    Instant before = T0.plus(Duration.ofHours(beforeHours));
                    String region = regionChoice == REGIONS.size() ? null : REGIONS.get(regionChoice).substring(0, 4);
                    for (String unit : new String[] {null, "labour"}) {
                        List<IndexRow> expected = latest.values().stream()
                                .filter(r -> r.nextAttentionAt().isPresent() && r.nextAttentionAt().get().isBefore(before))
                                .filter(r -> region == null || r.regionCode().startsWith(region))
                                .filter(r -> unit == null || r.unitsInvolved().contains(unit))
                                .sorted(Comparator.comparing((IndexRow r) -> r.nextAttentionAt().get()).thenComparing(IndexRow::caseId))
                                .collect(Collectors.toList());
                        List<IndexRow> paged = new ArrayList<>();
                        AttentionQuery q = new AttentionQuery(before, null, null, region, unit, pageSize);
                        while (true) {
                            List<IndexRow> page = store.needingAttention(q);
                            assertThat(page.size()).isLessThanOrEqualTo(pageSize);
                            paged.addAll(page);
                            if (page.size() < pageSize) break;
                            q = q.after(page.get(page.size() - 1));
                        }
                        assertThat(paged).isEqualTo(expected);
                    }
                });
    }

    @Test
    void claimsHandEachDueCaseToOneOwnerAtATime() {
        qt().forAll(lists().of(writes()).ofSizeBetween(1, 60), integers().between(1, 5)).checkAssert((writes, batch) -> {
            InMemoryCaseStore store = InMemoryCaseStore.create();
            Map<String, IndexRow> latest = new HashMap<>();
            for (Write w : writes) {
                IndexRow row = commit(store, w);
                latest.put(row.caseId(), row);
            }
            Instant now = T0.plus(Duration.ofHours(100));
            Set<String> due = latest.values().stream()
                    .filter(r -> r.nextAttentionAt().isPresent() && r.nextAttentionAt().get().isBefore(now))
                    .map(IndexRow::caseId).collect(Collectors.toSet());
            Set<String> seen = new HashSet<>();
            int owner = 0;
            while (true) {
                List<Claim> claims = store.claimDue(now, now, Duration.ofMinutes(5), "node-" + (owner++ % 2), batch);
                if (claims.isEmpty()) break;
                for (Claim c : claims) assertThat(seen.add(c.caseId())).as("claimed twice: %s", c.caseId()).isTrue();
            }
            assertThat(seen).isEqualTo(due);
            // once the leases expire every due case can be claimed again
            List<Claim> again = store.claimDue(now, now.plus(Duration.ofMinutes(5)), Duration.ofMinutes(5), "node-x", 1000);
            assertThat(again.stream().map(Claim::caseId).collect(Collectors.toSet())).isEqualTo(due);
        });
    }

    private static IndexRow commit(InMemoryCaseStore store, Write w) {
        String caseId = "case-" + w.caseIndex();
        Optional<StoredCase> current = store.load(caseId);
        long version = current.map(StoredCase::version).orElse(0L);
        long sequence = current.map(c -> (long) c.events().size()).orElse(0L) + 1;
        List<String> units = new ArrayList<>();
        for (int i = 0; i < UNITS.size(); i++) if ((w.unitMask() & (1 << i)) != 0) units.add(UNITS.get(i));
        IndexRow row = IndexRow.builder(caseId).version(version + 1).stage("ROUTED").regionCode(REGIONS.get(w.region()))
                .unitsInvolved(units)
                .nextAttentionAt(w.attentionHours() < 0 ? null : T0.plus(Duration.ofHours(w.attentionHours())))
                .build();
        store.commit(new CaseCommit(caseId, version,
                List.of(new StoredEvent(caseId, sequence, "t", 1, "{}", T0)),
                new StoredSnapshot(caseId, version + 1, 1, "{}"), row, "k" + sequence, "d"));
        return row;
    }
}
