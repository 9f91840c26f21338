package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.ReportQuery;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The conformance tests of rules P1 to P5 of {@link ReportQuery}, for a store that offers a report's listing.
 * Implement it with one factory method returning a fresh, empty store (see {@link StoreFactory}).
 *
 * <p>Random commits are written, and every page is compared with a brute force over what was written: the cases
 * under a region prefix (often a prefix of a stored region code, sometimes empty) with an event recorded at or after
 * the instant asked for (often exactly a case's latest event's instant, or one nanosecond after it) or an open duty, each as
 * {@link CaseStore#load} returns it, ascending by case id, page by page from the start and from arbitrary positions.
 *
 * @param <S> the adapter's type
 * @since 0.6
 */
public interface ReportQueryTck<S extends CaseStore & ReportQuery> extends StoreFactory<S> {

    /** P1 to P4: every page, from the start and from arbitrary positions, equals a brute force over the cases written. */
    @Test
    default void required_P1_P2_P3_P4_touchingPagesEqualABruteForceOverTheCasesWritten() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(12, 30), lists().of(specs()).ofSizeBetween(1, 6))
                .checkAssert((commits, specs) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    Map<String, IndexRow> rows = latestRows(commits);
                    Map<String, StoredCase> stored = new TreeMap<>();
                    for (String id : rows.keySet()) stored.put(id, store.load(id).orElseThrow());
                    // each case's latest recorded instant: a case whose only event at or after it is exactly there
                    List<Instant> recorded = new ArrayList<>();
                    for (StoredCase c : stored.values()) {
                        recorded.add(c.events().stream().map(StoredEvent::recordedAt).max(Instant::compareTo).orElseThrow());
                    }
                    List<String> regions = new ArrayList<>();
                    for (IndexRow r : rows.values()) regions.add(r.regionCode());
                    List<String> ids = new ArrayList<>(stored.keySet());
                    for (Spec spec : specs) {
                        String prefix = spec.prefix(regions);
                        Instant since = spec.since(recorded);
                        String start = spec.afterKind() == 1 ? ids.get(spec.pick() % ids.size())
                                : spec.afterKind() == 2 ? spec.anyId() : null;
                        checkPage(store, rows, stored, prefix, since, start, spec.limit());
                        String after = null;
                        for (int pageNo = 0; pageNo <= stored.size() + 1; pageNo++) {
                            List<StoredCase> page = checkPage(store, rows, stored, prefix, since, after,
                                    spec.limit());
                            if (page.isEmpty()) break;
                            after = page.get(page.size() - 1).caseId();
                        }
                    }
                }));
    }

    /** P5: bad arguments are refused, naming the parameter. */
    @Test
    default void required_P5_badArgumentsAreRefused() {
        inFreshStore(this, store -> {
            Instant at = Instant.parse("2024-03-01T00:00:00Z");
            expectRefusal("P5", NullPointerException.class, "regionPrefix", "touching(null, …)",
                    () -> store.touching(null, at, null, 10));
            expectRefusal("P5", NullPointerException.class, "since", "touching(\"45\", null, …)",
                    () -> store.touching("45", null, null, 10));
            expectPrefixAndLimitRefusals("P5", "touching", (prefix, limit) -> store.touching(prefix, at, null, limit));
        });
    }

    /** The knobs of one query: the prefix, the instant, the page size, where the first page starts. */
    record Spec(int prefixKind, int prefixPick, int prefixLength, int sinceKind, int sincePick, int limit, int afterKind,
                int pick, String anyId) {
        String prefix(List<String> regions) {
            return regionPrefix(prefixKind, prefixPick, prefixLength, regions);
        }

        Instant since(List<Instant> recorded) {
            Instant at = recorded.get(sincePick % recorded.size());
            return sinceKind == 0 ? at : sinceKind == 1 ? at.plusNanos(1) : sinceKind == 2 ? Instant.parse("1990-01-01T00:00:00Z") : Instant.parse("2200-01-01T00:00:00Z");
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
    private List<StoredCase> checkPage(S store, Map<String, IndexRow> rows, Map<String, StoredCase> stored, String prefix,
                                       Instant since, String after, int limit) {
        List<StoredCase> expected = new ArrayList<>();
        for (StoredCase c : stored.values()) {
            if (expected.size() == limit) break;
            if (after != null && c.caseId().compareTo(after) <= 0) continue;
            boolean recordedSince = c.events().stream().anyMatch(e -> !e.recordedAt().isBefore(since));
            IndexRow row = rows.get(c.caseId());
            if (row.regionCode().startsWith(prefix) && (recordedSince || row.earliestDueAt().isPresent())) expected.add(c);
        }
        String call = "touching(\"" + prefix + "\", " + since + ", " + (after == null ? "null" : "\"" + after + "\"") + ", "
                + limit + ")";
        List<StoredCase> actual = store.touching(prefix, since, after, limit);
        if (actual == null) throw new AssertionError("P1: " + call + " returned null");
        if (actual.equals(expected)) return expected;
        List<String> expectedIds = new ArrayList<>();
        for (StoredCase c : expected) expectedIds.add(c.caseId());
        List<String> actualIds = new ArrayList<>();
        for (StoredCase c : actual) actualIds.add(c.caseId());
        if (actualIds.equals(expectedIds)) {
            throw new AssertionError("P2: " + call + " returned the right cases, but not each as load() returns it (the"
                    + " snapshot and every stored event, byte for byte, in sequence order): " + actual + " where " + expected
                    + " was due");
        }
        throw new AssertionError("P1: " + call + " returned " + actualIds + " where " + expectedIds + " was due (cases whose"
                + " region code starts with the prefix and that have an event recorded at or after 'since' (>=, to the"
                + " nanosecond) or an earliest due instant; ascending by case id in binary order, strictly after"
                + " afterCaseId, at most 'limit')");
    }
}
