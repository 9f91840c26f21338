package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.ResolutionQuery;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** The random listing queries, the brute force and the workload check {@link ResolutionQueryTck} uses. */
final class ResolutionQuerySuite {

    private ResolutionQuerySuite() {}

    /** The knobs of one listing query: the key, the page size, where the first page starts. */
    record ListingSpec(String key, int limit, int afterKind, int afterPick, String anyId) {}

    static Gen<ListingSpec> listingSpecs(Listing listing) {
        Gen<String> keys = listing.keys();
        return in -> new ListingSpec(keys.generate(in), integers().between(1, 5).generate(in),
                integers().between(0, 2).generate(in), integers().between(0, 1_000).generate(in),
                StoredRecordGenerators.caseIds().generate(in));
    }

    /**
     * Case ids that differ from each other only in the case of their letters ({@code XF-1}, {@code xf-1},
     * {@code Xf-1}): binary order and a case-insensitive collation sort them differently.
     */
    static Gen<List<String>> caseTwins() {
        return lists().of(StoredRecordGenerators.caseIds()).ofSizeBetween(0, 2).map(ids -> {
            Set<String> twins = new TreeSet<>();
            for (String id : ids) {
                twins.add(id);
                twins.add(id.toUpperCase(Locale.ROOT));
                twins.add(id.toLowerCase(Locale.ROOT));
                twins.add(id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1).toLowerCase(Locale.ROOT));
            }
            return new ArrayList<>(twins);
        });
    }

    static List<IndexRow> bruteForce(Listing listing, Collection<IndexRow> rows, String key, String after, int limit) {
        TreeMap<String, IndexRow> matching = new TreeMap<>();
        for (IndexRow row : rows) {
            if (listing.matches(row, key) && (after == null || row.caseId().compareTo(after) > 0)) {
                matching.put(row.caseId(), row);
            }
        }
        List<IndexRow> page = new ArrayList<>(matching.values());
        return page.size() > limit ? List.copyOf(page.subList(0, limit)) : page;
    }

    static void checkWorkload(ResolutionQuery store, Collection<IndexRow> rows, String leader, Instant asOf, String rule) {
        long active = 0;
        long overdue = 0;
        long dueExactly = 0;
        for (IndexRow row : rows) {
            if (!row.activeLeader().map(leader::equals).orElse(false)) continue;
            active++;
            Optional<Instant> due = row.earliestDueAt();
            if (due.isPresent() && !due.get().isAfter(asOf)) overdue++;
            if (due.isPresent() && due.get().equals(asOf)) dueExactly++;
        }
        LeaderWorkload w = store.workload(leader, asOf);
        String call = "workload(\"" + leader + "\", " + asOf + ")";
        if (w == null) throw new AssertionError(rule + ": " + call + " returned null");
        if (!leader.equals(w.leader()) || !asOf.equals(w.asOf())) {
            throw new AssertionError(rule + ": " + call + " answered for leader " + w.leader() + " as of " + w.asOf()
                    + ": the workload names the leader and the instant it was asked for");
        }
        if (w.activeCases() != active) {
            throw new AssertionError(rule + ": " + call + " counted " + w.activeCases() + " active cases where " + active
                    + " rows have active leader \"" + leader + "\": count the rows of the leader's index, and move a case"
                    + " out of its old leader's index when a commit changes its leader");
        }
        if (w.overdueCases() != overdue) {
            throw new AssertionError(rule + ": " + call + " counted " + w.overdueCases() + " overdue cases where " + overdue
                    + " were due (" + dueExactly + " of them due exactly at " + asOf + "): a case is overdue when its"
                    + " earliest due instant is at or before asOf (earliest_due_at <= ?, not <), counted among the"
                    + " leader's active cases only, from the row's current earliest due instant");
        }
    }

    /** Which listing a client pages through, which key it asks for, and its page size. */
    record PagingSpec(Listing listing, int keyPick, int limit) {}

    static Set<String> leadersOf(IndexRow before, IndexRow now) {
        Set<String> leaders = new TreeSet<>();
        if (before != null) before.activeLeader().ifPresent(leaders::add);
        now.activeLeader().ifPresent(leaders::add);
        return leaders;
    }
}
