package io.github.xinfang.persistence.memory;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.persistence.VersionConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules S2, S3 and S4 under contention: writers that retry on {@link VersionConflictException} lose no
 * update, every failure they see is a typed conflict, readers never see part of a commit, and of several
 * writers racing at one expected version exactly one wins. Threads start together on a latch; every loop
 * is bounded; nothing sleeps or measures time.
 */
class InMemoryCaseStoreConcurrencyTests {

    private static final int WRITERS = 8;
    private static final int COMMITS_PER_WRITER = 40;
    /** Far above what a writer needs; reaching it means a livelock, reported as a failure. */
    private static final int MAX_ATTEMPTS_PER_COMMIT = 100_000;
    private static final int MAX_READS = 1_000_000;
    private static final int RACES = 200;
    private static final Instant AT = Instant.parse("2024-03-01T02:00:00Z");

    private final InMemoryCaseStore store = InMemoryCaseStore.create();
    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void writersOnOneCaseRetryingOnConflictLoseNoUpdate() throws Exception {
        writeConcurrentlyAndCheck(List.of("积案-1"));
    }

    @Test
    void writersOnSeveralCasesRetryingOnConflictLoseNoUpdate() throws Exception {
        writeConcurrentlyAndCheck(List.of("case-a", "case-b", "case-c", "case-d"));
    }

    @Test
    void ofWritersRacingAtTheSameExpectedVersionExactlyOneWins() throws Exception {
        for (int race = 0; race < RACES; race++) {
            InMemoryCaseStore raced = InMemoryCaseStore.create();
            String caseId = "race-" + race;
            long before = race % 3;
            for (long v = 0; v < before; v++) raced.commit(commit(caseId, v, v + 1, "setup-" + v, 1));

            CountDownLatch ready = new CountDownLatch(WRITERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RuntimeException>> results = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                CaseCommit mine = commit(caseId, before, before + 1, "racer-" + w, 1 + w % 2);
                results.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    try {
                        raced.commit(mine);
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            ready.await();
            start.countDown();

            List<Integer> winners = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                RuntimeException failure = results.get(w).get();
                if (failure == null) {
                    winners.add(w);
                } else {
                    assertThat(failure).as("race %d, writer %d", race, w).isInstanceOf(VersionConflictException.class);
                    VersionConflictException conflict = (VersionConflictException) failure;
                    assertThat(conflict.expectedVersion()).isEqualTo(before);
                    assertThat(conflict.actualVersion()).isEqualTo(before + 1);
                }
            }
            assertThat(winners).as("winners of race %d", race).hasSize(1);
            int winner = winners.get(0);
            StoredCase loaded = raced.load(caseId).orElseThrow();
            assertThat(loaded.version()).isEqualTo(before + 1);
            AppliedCommand applied = raced.findApplied(caseId, "racer-" + winner).orElseThrow();
            assertThat(loaded.events().subList((int) before, loaded.events().size())).isEqualTo(applied.events());
            assertThat(loaded.snapshot().payload()).isEqualTo("racer-" + winner);
            assertThat(raced.indexRow(caseId).orElseThrow().stage()).isEqualTo("racer-" + winner);
            for (int w = 0; w < WRITERS; w++) {
                if (w != winner) assertThat(raced.findApplied(caseId, "racer-" + w)).isEmpty();
            }
        }
    }

    /** What one writer did. */
    private record WriterReport(Map<String, List<String>> keysByCase, int conflicts, List<Throwable> unexpected) {}

    private void writeConcurrentlyAndCheck(List<String> caseIds) throws Exception {
        CountDownLatch ready = new CountDownLatch(WRITERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writersDone = new AtomicBoolean();
        ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();

        List<Future<WriterReport>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                return write(writer, caseIds);
            }));
        }
        Future<Integer> reader = pool.submit(readWhileWriting(caseIds, ready, start, writersDone, torn));
        ready.await();
        start.countDown();

        Map<String, List<String>> committedKeys = new HashMap<>();
        List<Throwable> unexpected = new ArrayList<>();
        for (Future<WriterReport> f : writers) {
            WriterReport report = f.get();
            unexpected.addAll(report.unexpected());
            report.keysByCase().forEach((id, keys) -> committedKeys.computeIfAbsent(id, x -> new ArrayList<>()).addAll(keys));
        }
        writersDone.set(true);
        reader.get();

        assertThat(unexpected).as("failures other than a typed conflict").isEmpty();
        assertThat(torn).as("reads that saw part of a commit").isEmpty();
        int total = 0;
        for (String caseId : caseIds) {
            List<String> keys = committedKeys.getOrDefault(caseId, List.of());
            total += keys.size();
            StoredCase loaded = store.load(caseId).orElseThrow();
            assertThat(loaded.version()).as("version of %s", caseId).isEqualTo(keys.size());
            for (int i = 0; i < loaded.events().size(); i++) {
                assertThat(loaded.events().get(i).sequence()).as("sequence %d of %s", i, caseId).isEqualTo(i + 1L);
            }
            Map<String, Integer> seen = new HashMap<>();
            for (StoredEvent e : loaded.events()) seen.merge(e.payload(), 1, Integer::sum);
            Map<String, Integer> expected = new HashMap<>();
            for (String key : keys) {
                for (int e = 0; e < eventsFor(key); e++) expected.merge(payload(key, e), 1, Integer::sum);
                AppliedCommand applied = store.findApplied(caseId, key).orElseThrow();
                assertThat(applied.events()).extracting(StoredEvent::payload)
                        .containsExactlyElementsOf(payloads(key));
            }
            assertThat(seen).as("each successful commit's events exactly once on %s", caseId).isEqualTo(expected);
            assertThat(store.indexRow(caseId).orElseThrow().version()).isEqualTo(loaded.version());
        }
        assertThat(total).as("successful commits").isEqualTo(WRITERS * COMMITS_PER_WRITER);
    }

    private WriterReport write(int writer, List<String> caseIds) {
        Map<String, List<String>> keysByCase = new HashMap<>();
        List<Throwable> unexpected = new ArrayList<>();
        int conflicts = 0;
        for (int i = 0; i < COMMITS_PER_WRITER && unexpected.isEmpty(); i++) {
            String caseId = caseIds.get((writer + i) % caseIds.size());
            String key = "w" + writer + "-c" + i + "-n" + (1 + (writer + i) % 3);
            boolean committed = false;
            for (int attempt = 0; attempt < MAX_ATTEMPTS_PER_COMMIT && !committed; attempt++) {
                Optional<StoredCase> current = store.load(caseId);
                long version = current.map(StoredCase::version).orElse(0L);
                long next = current.map(c -> c.events().size()).orElse(0) + 1L;
                try {
                    store.commit(commit(caseId, version, next, key, eventsFor(key)));
                    committed = true;
                } catch (VersionConflictException e) {
                    conflicts++;
                } catch (RuntimeException e) {
                    unexpected.add(e);
                    break;
                }
            }
            if (committed) {
                keysByCase.computeIfAbsent(caseId, x -> new ArrayList<>()).add(key);
            } else if (unexpected.isEmpty()) {
                unexpected.add(new AssertionError("writer " + writer + " gave up on " + key));
            }
        }
        return new WriterReport(keysByCase, conflicts, unexpected);
    }

    /** Reads while the writers run; every read must show whole commits only. */
    private Callable<Integer> readWhileWriting(List<String> caseIds, CountDownLatch ready, CountDownLatch start,
                                              AtomicBoolean writersDone, ConcurrentLinkedQueue<String> torn) {
        return () -> {
            ready.countDown();
            start.await();
            int reads = 0;
            while (!writersDone.get() && reads < MAX_READS) {
                String caseId = caseIds.get(reads % caseIds.size());
                reads++;
                Optional<StoredCase> loaded = store.load(caseId);
                if (loaded.isEmpty()) continue;
                StoredCase c = loaded.get();
                String key = c.snapshot().payload();
                Optional<AppliedCommand> applied = store.findApplied(caseId, key);
                List<StoredEvent> events = c.events();
                if (applied.isEmpty() || applied.get().versionAfter() != c.version()) {
                    torn.add(caseId + " v" + c.version() + ": snapshot of " + key + " without its idempotency record");
                } else if (events.size() < applied.get().events().size() || !events.subList(
                        events.size() - applied.get().events().size(), events.size()).equals(applied.get().events())) {
                    torn.add(caseId + " v" + c.version() + ": history does not end with the events of " + key);
                }
                if (!events.isEmpty() && events.get(events.size() - 1).sequence() != events.size()) {
                    torn.add(caseId + " v" + c.version() + ": sequence gap");
                }
                if (store.indexRow(caseId).map(IndexRow::version).orElse(0L) < c.version()) {
                    torn.add(caseId + " v" + c.version() + ": index row older than the loaded version");
                }
            }
            return reads;
        };
    }

    private static int eventsFor(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf('n') + 1));
    }

    private static String payload(String key, int event) {
        return "{\"key\":\"" + key + "\",\"event\":" + event + ",\"text\":\"并发 ✓\"}";
    }

    private static List<String> payloads(String key) {
        List<String> all = new ArrayList<>();
        for (int e = 0; e < eventsFor(key); e++) all.add(payload(key, e));
        return all;
    }

    /** A commit whose snapshot payload and index stage are its key, so a reader can match the parts. */
    private static CaseCommit commit(String caseId, long expected, long firstSequence, String key, int events) {
        List<StoredEvent> list = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            list.add(new StoredEvent(caseId, firstSequence + e, "Noted", 1, payload(key, e), AT));
        }
        return new CaseCommit(caseId, expected, list, new StoredSnapshot(caseId, expected + 1, 1, key),
                IndexRow.builder(caseId).version(expected + 1).stage(key).regionCode("440103").build(), key,
                "sha256:" + key.hashCode());
    }
}
