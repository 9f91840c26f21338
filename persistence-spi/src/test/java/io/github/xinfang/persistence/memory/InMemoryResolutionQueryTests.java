package io.github.xinfang.persistence.memory;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The resolution track's queries on the in-memory store, as scenarios: a handover to a new leader (新官理旧账)
 * moves the case's row between the leaders' listings and workloads, a case due exactly at the instant asked about
 * is overdue, batches and lead units list their cases by case id, bad arguments are refused; and under concurrent
 * handovers a workload never counts more overdue than active cases.
 */
class InMemoryResolutionQueryTests {
    private static final Instant DUE = Instant.parse("2026-03-10T16:00:00Z");

    private final InMemoryCaseStore store = InMemoryCaseStore.create();
    private final ExecutorService pool = Executors.newFixedThreadPool(5);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aHandoverMovesTheCaseToTheSuccessorsListingAndWorkload() {
        commit("积案-1", r -> r.activeLeader("off-old").leadUnit("unit-a").earliestDueAt(DUE));
        commit("积案-2", r -> r.activeLeader("off-old").leadUnit("unit-a"));
        assertThat(ids(store.byActiveLeader("off-old", null, 10))).containsExactly("积案-1", "积案-2");
        assertThat(store.workload("off-old", DUE)).isEqualTo(new LeaderWorkload("off-old", DUE, 2, 1));

        commit("积案-1", r -> r.activeLeader("off-new").leadUnit("unit-a").earliestDueAt(DUE));

        assertThat(ids(store.byActiveLeader("off-old", null, 10))).containsExactly("积案-2");
        assertThat(store.byActiveLeader("off-new", null, 10)).containsExactly(store.indexRow("积案-1").orElseThrow());
        assertThat(store.workload("off-old", DUE)).isEqualTo(new LeaderWorkload("off-old", DUE, 1, 0));
        assertThat(store.workload("off-new", DUE)).isEqualTo(new LeaderWorkload("off-new", DUE, 1, 1));
        assertThat(ids(store.byLeadUnit("unit-a", null, 10))).containsExactly("积案-1", "积案-2");
    }

    @Test
    void aCaseDueExactlyAtTheInstantIsOverdueAndOneNanosecondEarlierItIsNot() {
        commit("c1", r -> r.activeLeader("off-1").earliestDueAt(DUE));
        commit("c2", r -> r.activeLeader("off-1").earliestDueAt(DUE.plusSeconds(1)));
        commit("c3", r -> r.activeLeader("off-1"));
        assertThat(store.workload("off-1", DUE.minusNanos(1)).overdueCases()).isZero();
        assertThat(store.workload("off-1", DUE).overdueCases()).isEqualTo(1);
        assertThat(store.workload("off-1", DUE.plusSeconds(1)).overdueCases()).isEqualTo(2);
        assertThat(store.workload("off-1", Instant.MAX)).isEqualTo(new LeaderWorkload("off-1", Instant.MAX, 3, 2));
        assertThat(store.workload("off-nobody", DUE)).isEqualTo(new LeaderWorkload("off-nobody", DUE, 0, 0));
    }

    @Test
    void aReplacedIndexRowMovesTheCaseInTheResolutionIndexes() {
        commit("c1", r -> r.activeLeader("off-1").batches(List.of("B-1", "B-2")).earliestDueAt(DUE));
        IndexRow replaced = store.indexRow("c1").orElseThrow().toBuilder().batches(List.of("B-2", "B-3"))
                .earliestDueAt(DUE.plusSeconds(60)).build();
        assertThat(store.replaceIndexRow(replaced)).isTrue();
        assertThat(store.byBatch("B-1", null, 10)).isEmpty();
        assertThat(store.byBatch("B-2", null, 10)).containsExactly(replaced);
        assertThat(store.byBatch("B-3", null, 10)).containsExactly(replaced);
        assertThat(store.workload("off-1", DUE).overdueCases()).isZero();
        assertThat(store.workload("off-1", DUE.plusSeconds(60)).overdueCases()).isEqualTo(1);
    }

    @Test
    void listingsPageByCaseIdInBinaryOrderFromAnyPosition() {
        for (String id : List.of("b", "B", "a-2", "a-10", "积案", "A")) commit(id, r -> r.batches(List.of("第三批")));
        assertThat(ids(store.byBatch("第三批", null, 100))).containsExactly("A", "B", "a-10", "a-2", "b", "积案");
        assertThat(ids(store.byBatch("第三批", null, 2))).containsExactly("A", "B");
        assertThat(ids(store.byBatch("第三批", "B", 2))).containsExactly("a-10", "a-2");
        assertThat(ids(store.byBatch("第三批", "Z", 10))).containsExactly("a-10", "a-2", "b", "积案");
        assertThat(store.byBatch("第三批", "积案", 10)).isEmpty();
        assertThat(store.byBatch("other", null, 10)).isEmpty();
    }

    @Test
    void badArgumentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> store.byActiveLeader(null, null, 1)).isInstanceOf(NullPointerException.class).hasMessage("leader");
        assertThatThrownBy(() -> store.byLeadUnit(null, null, 1)).isInstanceOf(NullPointerException.class).hasMessage("unit");
        assertThatThrownBy(() -> store.byBatch(null, null, 1)).isInstanceOf(NullPointerException.class).hasMessage("batch");
        assertThatThrownBy(() -> store.workload(null, DUE)).isInstanceOf(NullPointerException.class).hasMessage("leader");
        assertThatThrownBy(() -> store.workload("l", null)).isInstanceOf(NullPointerException.class).hasMessage("asOf");
        assertThatThrownBy(() -> store.byActiveLeader("l", null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> store.byLeadUnit("u", null, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> store.byBatch("b", null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void concurrentHandoversNeverMakeAWorkloadCountMoreOverdueThanActiveCases() throws Exception {
        int cases = 20;
        int rounds = 300;
        for (int i = 0; i < cases; i++) commit("c" + i, r -> r.activeLeader("off-1").earliestDueAt(DUE));
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(pool.submit((Callable<Void>) () -> {
                start.await();
                reading.await();   // the reader is running: the handovers race its counts
                for (int round = 0; round < rounds; round++) {
                    String caseId = "c" + ((round * 4 + writer) % cases);
                    String leader = round % 2 == 0 ? "off-2" : "off-1";
                    Instant due = round % 3 == 0 ? null : DUE.plusSeconds(round % 5);
                    for (int attempt = 0; ; attempt++) {
                        try {
                            commit(caseId, r -> r.activeLeader(leader).earliestDueAt(due));
                            break;
                        } catch (io.github.xinfang.persistence.VersionConflictException e) {
                            if (attempt > 10_000) throw e;
                        }
                    }
                }
                return null;
            }));
        }
        Future<Integer> reader = pool.submit(() -> {
            start.await();
            int reads = 0;
            do {
                for (String leader : List.of("off-1", "off-2")) {
                    LeaderWorkload w = store.workload(leader, DUE.plusSeconds(2));   // the record refuses overdue > active
                    assertThat(w.activeCases()).isBetween(0L, (long) cases);
                }
                reads++;
                reading.countDown();
            } while (writing.get() && reads < 1_000_000);
            return reads;
        });
        start.countDown();
        for (Future<?> f : writers) f.get();
        writing.set(false);
        assertThat(reader.get()).isPositive();
        long total = 0;
        long overdue = 0;
        for (String leader : List.of("off-1", "off-2")) {
            LeaderWorkload w = store.workload(leader, DUE.plusSeconds(2));
            total += w.activeCases();
            overdue += w.overdueCases();
            assertThat(ids(store.byActiveLeader(leader, null, 100))).hasSize((int) w.activeCases());
        }
        assertThat(total).isEqualTo(cases);
        long expectedOverdue = 0;
        for (int i = 0; i < cases; i++) {
            if (store.indexRow("c" + i).orElseThrow().earliestDueAt().map(at -> !at.isAfter(DUE.plusSeconds(2))).orElse(false)) {
                expectedOverdue++;
            }
        }
        assertThat(overdue).isEqualTo(expectedOverdue);
    }

    private void commit(String caseId, UnaryOperator<IndexRow.Builder> columns) {
        Optional<StoredCase> current = store.load(caseId);
        long version = current.map(StoredCase::version).orElse(0L);
        long sequence = current.map(c -> (long) c.events().size()).orElse(0L) + 1;
        IndexRow row = columns.apply(IndexRow.builder(caseId).version(version + 1).stage("IN_HANDLING").regionCode("450802")).build();
        store.commit(new CaseCommit(caseId, version, List.of(new StoredEvent(caseId, sequence, "t", 1, "{}", DUE)),
                new StoredSnapshot(caseId, version + 1, 1, "{}"), row, "k" + sequence, "d"));
    }

    private static List<String> ids(List<IndexRow> rows) {
        List<String> ids = new ArrayList<>();
        for (IndexRow r : rows) ids.add(r.caseId());
        return ids;
    }
}
