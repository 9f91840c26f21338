package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.chain.AccessAudit;
import io.github.xinfang.persistence.chain.AuditEntry;
import io.github.xinfang.persistence.chain.AuditRecord;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.EventChain;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The conformance tests of rules A1 to A5 of {@link AccessAudit}, for a store that keeps the access audit trail.
 * Implement it with one factory method returning a fresh, empty store (see {@link StoreFactory}).
 *
 * <p>Random entries (actors and cases whose ids are prefixes of one another, instants to the nanosecond and rising as a
 * service's clock gives them, every action and outcome) are recorded against a model (each case's records, numbered and linked by the kit), with purges in
 * between; every answer must equal the model's, and the trail must verify. Concurrent recorders of one case must get
 * distinct, consecutive numbers.
 *
 * @param <S> the adapter's type
 * @since 0.7
 */
public interface AccessAuditTck<S extends CaseStore & AccessAudit> extends StoreFactory<S> {

    /** The actors and cases the tests record: ids that are prefixes of one another. */
    List<String> ACTORS = List.of("official:xfj-001@gb-xfj", "official:xfj-001@gb-xfj2", "system:deadline-sweep", "official:张三@住建局");
    /** The cases the tests record accesses to. */
    List<String> CASES = List.of("XF-1", "XF-10", "XF-2", "案-1");

    private static Gen<List<int[]>> steps() {
        // {kind (0..9: record; 10: purge), actor, case, action, outcome, seconds}
        Gen<Integer> kind = integers().between(0, 10);
        Gen<Integer> four = integers().between(0, 3);
        Gen<Integer> three = integers().between(0, 2);
        Gen<Integer> seconds = integers().between(0, 1_000);
        Gen<int[]> step = in -> new int[] {kind.generate(in), four.generate(in), four.generate(in), three.generate(in),
                four.generate(in), seconds.generate(in)};
        return lists().of(step)
                .ofSizeBetween(1, 30);
    }

    /** A1 to A4: records are numbered and linked as the model says; listings and purges answer as the model. */
    @Test
    default void required_A1_A2_A3_A4_recordsListingsAndPurgesAnswerAsTheModel() {
        EventChain chain = EventChain.sha256();
        Instant t0 = Instant.parse("2026-01-01T00:00:00.000000001Z");
        theory(this).forAll(steps(), integers().between(1, 5)).checkAssert((steps, limit) -> inFreshStore(this, store -> {
            Map<String, List<AuditRecord>> model = new HashMap<>();
            Map<String, long[]> heads = new HashMap<>();
            Map<String, String> links = new HashMap<>();
            for (int i = 0; i < steps.size(); i++) {
                int[] s = steps.get(i);
                if (s[0] == 10) {
                    // at a record's instant, or a nanosecond either side of it, half the time
                    Instant cutoff = t0.plusSeconds(10L * (s[5] % (steps.size() + 1))).plusNanos(s[2] % 3);
                    long due = 0;
                    for (List<AuditRecord> rs : model.values()) {
                        int before = rs.size();
                        rs.removeIf(r -> r.entry().at().isBefore(cutoff));
                        due += before - rs.size();
                    }
                    long purged = store.purgeBefore(cutoff);
                    if (purged != due) throw new AssertionError("A4: purgeBefore(" + cutoff + ") deleted " + purged + " records where "
                            + due + " were due (those recorded before the cutoff, no other)");
                    continue;
                }
                AuditEntry e = new AuditEntry(ACTORS.get(s[1]), CASES.get(s[2]), AuditEntry.Action.values()[s[3]],
                        AuditEntry.Outcome.values()[s[4]], t0.plusSeconds(10L * i).plusNanos(s[5] % 3));
                long sequence = heads.computeIfAbsent(e.caseId(), k -> new long[1])[0] + 1;
                String previous = links.get(e.caseId());
                AuditRecord expected = new AuditRecord(e, sequence, previous, chain.auditLink(previous, e, sequence));
                AuditRecord got = store.record(e, chain);
                if (!got.equals(expected)) throw new AssertionError("A1: record(" + e + ") kept " + got + " where " + expected
                        + " was due (numbered after the case's last record, purged or not, and linked to its link)");
                heads.get(e.caseId())[0] = sequence;
                links.put(e.caseId(), got.link());
                model.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(got);
            }
            List<AuditRecord> all = new ArrayList<>();
            model.values().forEach(all::addAll);
            all.sort(Comparator.comparing((AuditRecord r) -> r.entry().caseId()).thenComparingLong(AuditRecord::sequence));
            List<AuditRecord> walked = pages(limit, (c, q) -> store.recordsAfter(c, q, limit), all.size());
            if (!walked.equals(all)) throw new AssertionError("A2/A3: the pages of recordsAfter(\"\", 0, " + limit + ") were " + walked
                    + " where " + all + " were due (every record kept, in case id then sequence order, exactly as recorded)");
            for (String actor : ACTORS) {
                List<AuditRecord> mine = all.stream().filter(r -> r.entry().actor().equals(actor)).toList();
                List<AuditRecord> got = pages(limit, (c, q) -> store.byActor(actor, c, q, limit), mine.size());
                if (!got.equals(mine)) throw new AssertionError("A3: the pages of byActor(\"" + actor + "\", …, " + limit + ") were "
                        + got + " where " + mine + " were due (exactly that actor's records, never a prefix match)");
            }
            var report = ChainVerifier.verifyAudit(store, chain);
            if (!report.intact()) throw new AssertionError("A1: the trail does not verify: " + report);
        }));
    }

    private static List<AuditRecord> pages(int limit, java.util.function.BiFunction<String, Long, List<AuditRecord>> page, int expected) {
        List<AuditRecord> got = new ArrayList<>();
        String caseId = "";
        long sequence = 0;
        for (int i = 0; i <= expected + 1; i++) {
            List<AuditRecord> next = page.apply(caseId, sequence);
            if (next.size() > limit) throw new AssertionError("A3: a page held " + next.size() + " records, more than the limit " + limit);
            if (next.isEmpty()) break;
            got.addAll(next);
            AuditRecord last = next.get(next.size() - 1);
            caseId = last.entry().caseId();
            sequence = last.sequence();
        }
        return got;
    }

    /** A1: concurrent recorders of one case get distinct, consecutive numbers, and the trail verifies. */
    @Test
    default void required_A1_concurrentRecordersOfOneCaseGetConsecutiveNumbers() throws Exception {
        S store = newStore();
        try {
            EventChain chain = EventChain.sha256();
            int threads = Math.max(2, threads());
            int each = 25;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            ConcurrentLinkedQueue<Long> numbers = new ConcurrentLinkedQueue<>();
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            numbers.add(store.record(new AuditEntry("official:o" + thread + "@u", "XF-RACE", AuditEntry.Action.READ,
                                    AuditEntry.Outcome.SHOWN, Instant.EPOCH.plusSeconds(i)), chain).sequence());
                        }
                    }));
                }
                for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            List<Long> sorted = new ArrayList<>(numbers);
            sorted.sort(null);
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i) != i + 1) throw new AssertionError("A1: " + threads + " concurrent recorders of one case got the numbers "
                        + sorted + ": each must be distinct and they must run from 1 without gaps (the head read under a lock, or"
                        + " its race lost on the primary key and retried)");
            }
            var report = ChainVerifier.verifyAudit(store, chain);
            if (!report.intact()) throw new AssertionError("A1: a trail written concurrently does not verify: " + report);
        } finally {
            closeStore(store);
        }
    }

    /** A5: bad arguments are refused, naming them. */
    @Test
    default void required_A5_badArgumentsAreRefused() {
        inFreshStore(this, store -> {
            expectRefusal("A5", NullPointerException.class, "entry", "record(null, chain)", () -> store.record(null, EventChain.sha256()));
            expectRefusal("A5", NullPointerException.class, "caseId", "recordsAfter(null, 0, 1)", () -> store.recordsAfter(null, 0, 1));
            expectRefusal("A5", IllegalArgumentException.class, "sequence", "recordsAfter(\"\", -1, 1)", () -> store.recordsAfter("", -1, 1));
            expectRefusal("A5", IllegalArgumentException.class, "limit", "recordsAfter(\"\", 0, 0)", () -> store.recordsAfter("", 0, 0));
            expectRefusal("A5", NullPointerException.class, "actor", "byActor(null, \"\", 0, 1)", () -> store.byActor(null, "", 0, 1));
            expectRefusal("A5", NullPointerException.class, "cutoff", "purgeBefore(null)", () -> store.purgeBefore(null));
        });
    }
}
