package io.github.xinfang.persistence.jdbc;

import static io.github.xinfang.persistence.jdbc.Commits.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Q1 and Q2 as properties: the adapter answers attention queries with the same rows, in the same order, as the
 * in-memory reference store fed the same random commits; keyset pages stay exact while writes happen between
 * them. One subclass per database. Examples: {@code QT_EXAMPLES / 20} (50 by default), since each example
 * writes a few dozen commits to a real database.
 */
abstract class JdbcCaseQueryContract extends FreshStoreContract {

    private static final String[] CASE_IDS = {"c01", "c02", "c03", "c10", "c11", "C2", "a", "案-1", "案-2", "z-9", "c011", "b"};
    private static final String[] REGIONS = {"450102", "450103", "450201", "440103", "110000"};
    private static final String[] PREFIXES = {null, "4", "45", "4501", "450102", "44", "9"};
    private static final String[] UNITS = {null, "u1", "u2", "u3", "u4", "u5", "u9"};

    JdbcCaseQueryContract(TestDatabase.Kind kind) {
        super(kind);
    }

    private static int examples() {
        return Math.max(5, Integer.getInteger("QT_EXAMPLES", 1000) / 20);
    }

    @Test
    void q1_attentionPagesEqualTheReferenceStoresOnRandomStores() {
        qt().withExamples(examples()).forAll(
                lists().of(integers().allPositive()).ofSizeBetween(1, 40),
                lists().of(integers().allPositive()).ofSizeBetween(1, 6)
        ).checkAssert((writes, queries) -> {
            db.reset();
            InMemoryCaseStore reference = InMemoryCaseStore.create();
            for (int w : writes) write(w, reference);
            for (int q : queries) {
                AttentionQuery query = query(q);
                int pages = 0;
                while (true) {
                    List<IndexRow> expected = reference.needingAttention(query);
                    assertThat(store.needingAttention(query)).as("page %d of %s", pages, query).isEqualTo(expected);
                    if (expected.size() < query.limit() || ++pages > 50) break;
                    query = query.after(expected.get(expected.size() - 1));
                }
            }
        });
    }

    @Test
    void q2_keysetPagingReturnsEveryUnchangedRowOnceWhileWritesHappenBetweenPages() {
        qt().withExamples(examples()).forAll(
                lists().of(integers().allPositive()).ofSizeBetween(1, 30),
                lists().of(integers().allPositive()).ofSizeBetween(1, 20),
                integers().allPositive()
        ).checkAssert((initial, between, q) -> {
            db.reset();
            InMemoryCaseStore reference = InMemoryCaseStore.create();
            for (int w : initial) write(w, reference);
            AttentionQuery query = query(q);
            AttentionQuery unbounded = new AttentionQuery(query.before(), null, null, query.regionPrefix(), query.unitInvolved(),
                    AttentionQuery.MAX_LIMIT);
            List<IndexRow> before = reference.needingAttention(unbounded);

            Set<String> touched = new HashSet<>();
            List<IndexRow> seen = new ArrayList<>();
            int next = 0;
            for (int page = 0; page < 100; page++) {
                List<IndexRow> expected = reference.needingAttention(query);
                assertThat(store.needingAttention(query)).as("page %d of %s", page, query).isEqualTo(expected);
                seen.addAll(expected);
                if (expected.size() < query.limit()) break;
                query = query.after(expected.get(expected.size() - 1));
                if (next < between.size()) touched.add(write(between.get(next++), reference));
            }
            for (IndexRow row : before) {
                if (touched.contains(row.caseId())) continue;
                assertThat(seen).as("unchanged row %s", row.caseId()).containsOnlyOnce(row);
            }
        });
    }

    /** Decodes one random int into the next commit of one case, applied to both stores; returns the case id. */
    private String write(int w, CaseStore reference) {
        String caseId = CASE_IDS[w % CASE_IDS.length];
        int attention = (w >>> 4) % 5;
        Instant at = attention == 0 ? null : T0.plusSeconds((w >>> 7) % 6).plusNanos((w >>> 10) % 3);
        String region = REGIONS[(w >>> 12) % REGIONS.length];
        List<String> units = new ArrayList<>();
        for (int u = 0; u < 5; u++) if ((w >>> (15 + u) & 1) == 1) units.add("u" + (u + 1));
        List<String> batches = new ArrayList<>();
        for (int b = 0; b < 2; b++) if ((w >>> (20 + b) & 1) == 1) batches.add("batch-" + b);
        CaseCommit commit = Commits.next(reference, caseId, 1 + (w >>> 22) % 2,
                row -> row.nextAttentionAt(at).regionCode(region).unitsInvolved(units).batches(batches));
        reference.commit(commit);
        store.commit(commit);
        return caseId;
    }

    private static AttentionQuery query(int q) {
        return new AttentionQuery(T0.plusSeconds(q % 8), null, null, PREFIXES[(q >>> 3) % PREFIXES.length],
                UNITS[(q >>> 6) % UNITS.length], 1 + (q >>> 9) % 5);
    }
}
