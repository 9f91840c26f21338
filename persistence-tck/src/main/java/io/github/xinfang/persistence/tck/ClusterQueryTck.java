package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ClusterQuery;
import io.github.xinfang.persistence.IndexRow;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The conformance tests of rules C1 to C5 of {@link ClusterQuery}, for a store that lists the tagged cases a cluster
 * warning may count. Implement it with one factory method returning a fresh, empty store (see {@link StoreFactory}).
 *
 * <p>Random commits are written (index rows with zero to four subject tags, among them tags differing only in case,
 * and latest petition days that neighbour each other), and every page is compared with a brute force over the latest
 * rows written: the rows with a tag, under a region prefix, whose latest petition is on or after the day asked for
 * (often exactly a stored day, or the day after it), ascending by case id, page by page from the start and from
 * arbitrary positions.
 *
 * @param <S> the adapter's type
 * @since 0.6
 */
public interface ClusterQueryTck<S extends CaseStore & ClusterQuery> extends StoreFactory<S> {

    /** C1 to C4: every page, from the start and from arbitrary positions, equals a brute force over the rows written. */
    @Test
    default void required_C1_C2_C3_C4_taggedPagesEqualABruteForceOverTheRowsWritten() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(12, 30), lists().of(specs()).ofSizeBetween(1, 6))
                .checkAssert((commits, specs) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    Map<String, IndexRow> rows = new java.util.TreeMap<>(latestRows(commits));
                    List<String> regions = new ArrayList<>();
                    List<LocalDate> days = new ArrayList<>();
                    for (IndexRow r : rows.values()) {
                        regions.add(r.regionCode());
                        r.lastPetitionOn().ifPresent(days::add);
                    }
                    List<String> ids = new ArrayList<>(rows.keySet());
                    for (Spec spec : specs) {
                        String prefix = spec.prefix(regions);
                        LocalDate since = spec.since(days);
                        String start = spec.afterKind() == 1 ? ids.get(spec.pick() % ids.size())
                                : spec.afterKind() == 2 ? spec.anyId() : null;
                        checkPage(store, rows, prefix, since, start, spec.limit());
                        String after = null;
                        for (int pageNo = 0; pageNo <= rows.size() + 1; pageNo++) {
                            List<IndexRow> page = checkPage(store, rows, prefix, since, after, spec.limit());
                            if (page.isEmpty()) break;
                            after = page.get(page.size() - 1).caseId();
                        }
                    }
                }));
    }

    /** C5: bad arguments are refused, naming the parameter. */
    @Test
    default void required_C5_badArgumentsAreRefused() {
        inFreshStore(this, store -> {
            LocalDate day = LocalDate.of(2024, 3, 1);
            expectRefusal("C5", NullPointerException.class, "regionPrefix", "taggedSince(null, …)",
                    () -> store.taggedSince(null, day, null, 10));
            expectRefusal("C5", NullPointerException.class, "since", "taggedSince(\"45\", null, …)",
                    () -> store.taggedSince("45", null, null, 10));
            expectPrefixAndLimitRefusals("C5", "taggedSince", (prefix, limit) -> store.taggedSince(prefix, day, null, limit));
        });
    }

    /** The knobs of one query: the prefix, the day, the page size, where the first page starts. */
    record Spec(int prefixKind, int prefixPick, int prefixLength, int sinceKind, int sincePick, int limit, int afterKind,
                int pick, String anyId) {
        String prefix(List<String> regions) {
            return regionPrefix(prefixKind, prefixPick, prefixLength, regions);
        }

        LocalDate since(List<LocalDate> days) {
            if (days.isEmpty() || sinceKind == 2) return LocalDate.of(1990, 1, 1);
            LocalDate day = days.get(sincePick % days.size());
            return sinceKind == 0 ? day : sinceKind == 1 ? day.plusDays(1) : LocalDate.of(2200, 1, 1);
        }
    }

    private static Gen<Spec> specs() {
        return in -> new Spec(integers().between(0, 2).generate(in), integers().between(0, 1_000).generate(in),
                integers().between(1, 6).generate(in), integers().between(0, 3).generate(in),
                integers().between(0, 1_000).generate(in), integers().between(1, 5).generate(in),
                integers().between(0, 2).generate(in), integers().between(0, 1_000).generate(in),
                StoredRecordGenerators.caseIds().generate(in));
    }

    /** Compares one page with the brute force; @return the page that was due */
    private List<IndexRow> checkPage(S store, Map<String, IndexRow> rows, String prefix, LocalDate since, String after,
                                     int limit) {
        List<IndexRow> expected = new ArrayList<>();
        for (IndexRow r : rows.values()) {
            if (expected.size() == limit) break;
            if (after != null && r.caseId().compareTo(after) <= 0) continue;
            if (!r.subjectTags().isEmpty() && r.regionCode().startsWith(prefix)
                    && r.lastPetitionOn().isPresent() && !r.lastPetitionOn().get().isBefore(since)) {
                expected.add(r);
            }
        }
        String call = "taggedSince(\"" + prefix + "\", " + since + ", " + (after == null ? "null" : "\"" + after + "\"") + ", "
                + limit + ")";
        List<IndexRow> actual = store.taggedSince(prefix, since, after, limit);
        if (actual == null) throw new AssertionError("C1: " + call + " returned null");
        if (actual.equals(expected)) return expected;
        List<String> expectedIds = caseIds(expected);
        List<String> actualIds = caseIds(actual);
        if (actualIds.equals(expectedIds)) {
            throw new AssertionError("C2: " + call + " returned the right cases, but not each with its current index row"
                    + " (every column, the subject tags and the latest petition day included): " + actual + " where "
                    + expected + " was due");
        }
        throw new AssertionError("C1: " + call + " returned " + actualIds + " where " + expectedIds + " was due (cases whose"
                + " row has a subject tag, whose region code starts with the prefix and whose latest petition day is on or"
                + " after 'since'; ascending by case id in binary order, strictly after afterCaseId, at most 'limit')");
    }
}
