package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.ResolutionQuery;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The three listings of the resolution port: the rule, the method, and which rows match a key. */
enum Listing {
    LEADER("R1", "byActiveLeader", "active leader", "off-0001", StoredRecordGenerators::officialIds,
            ResolutionQuery::byActiveLeader, row -> single(row.activeLeader()),
            (row, current, key) -> row.activeLeader(key)),
    UNIT("R2", "byLeadUnit", "lead unit", "unit-gz-xfj", StoredRecordGenerators::unitIds,
            ResolutionQuery::byLeadUnit, row -> single(row.leadUnit()),
            (row, current, key) -> row.leadUnit(key)),
    BATCH("R3", "byBatch", "batches", "2024-Q1", StoredRecordGenerators::batchIds,
            ResolutionQuery::byBatch, IndexRow::batches,
            (row, current, key) -> {
                List<String> batches = new ArrayList<>(current.batches());
                batches.add(key);
                return row.batches(batches);
            });

    /** One page of a listing. */
    @FunctionalInterface
    interface Page {
        List<IndexRow> of(ResolutionQuery store, String key, String after, int limit);
    }

    /** A row builder given a key of the listing. */
    @FunctionalInterface
    interface WithKey {
        IndexRow.Builder apply(IndexRow.Builder row, IndexRow current, String key);
    }

    final String rule;
    final String method;
    final String column;
    final String fallbackKey;
    private final Supplier<Gen<String>> keys;
    private final Page page;
    private final Function<IndexRow, Collection<String>> keysOf;
    private final WithKey withKey;

    Listing(String rule, String method, String column, String fallbackKey, Supplier<Gen<String>> keys, Page page,
            Function<IndexRow, Collection<String>> keysOf, WithKey withKey) {
        this.rule = rule;
        this.method = method;
        this.column = column;
        this.fallbackKey = fallbackKey;
        this.keys = keys;
        this.page = page;
        this.keysOf = keysOf;
        this.withKey = withKey;
    }

    List<IndexRow> page(ResolutionQuery store, String key, String after, int limit) {
        return page.of(store, key, after, limit);
    }

    boolean matches(IndexRow row, String key) {
        return keysOf(row).contains(key);
    }

    IndexRow.Builder withKey(IndexRow.Builder row, IndexRow current, String key) {
        return withKey.apply(row, current, key);
    }

    Collection<String> keysOf(IndexRow row) {
        return keysOf.apply(row);
    }

    Gen<String> keys() {
        return keys.get();
    }

    String call(String key, String after, int limit) {
        return method + "(\"" + key + "\", " + (after == null ? "null" : "\"" + after + "\"") + ", " + limit + ")";
    }

    private static Collection<String> single(Optional<String> key) {
        return key.map(List::of).orElse(List.of());
    }
}
