package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.ResolutionQuery;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The three listings of the port: the rule, the method, and which rows match a key. */
enum Listing {
    LEADER("R1", "byActiveLeader", "active leader", "off-0001") {
        @Override
        List<IndexRow> page(ResolutionQuery store, String key, String after, int limit) {
            return store.byActiveLeader(key, after, limit);
        }

        @Override
        boolean matches(IndexRow row, String key) {
            return row.activeLeader().map(key::equals).orElse(false);
        }

        @Override
        IndexRow.Builder withKey(IndexRow.Builder row, IndexRow current, String key) {
            return row.activeLeader(key);
        }

        @Override
        Collection<String> keysOf(IndexRow row) {
            return row.activeLeader().map(List::of).orElse(List.of());
        }
    },
    UNIT("R2", "byLeadUnit", "lead unit", "unit-gz-xfj") {
        @Override
        List<IndexRow> page(ResolutionQuery store, String key, String after, int limit) {
            return store.byLeadUnit(key, after, limit);
        }

        @Override
        boolean matches(IndexRow row, String key) {
            return row.leadUnit().map(key::equals).orElse(false);
        }

        @Override
        IndexRow.Builder withKey(IndexRow.Builder row, IndexRow current, String key) {
            return row.leadUnit(key);
        }

        @Override
        Collection<String> keysOf(IndexRow row) {
            return row.leadUnit().map(List::of).orElse(List.of());
        }
    },
    BATCH("R3", "byBatch", "batches", "2024-Q1") {
        @Override
        List<IndexRow> page(ResolutionQuery store, String key, String after, int limit) {
            return store.byBatch(key, after, limit);
        }

        @Override
        boolean matches(IndexRow row, String key) {
            return row.batches().contains(key);
        }

        @Override
        IndexRow.Builder withKey(IndexRow.Builder row, IndexRow current, String key) {
            List<String> batches = new ArrayList<>(current.batches());
            batches.add(key);
            return row.batches(batches);
        }

        @Override
        Collection<String> keysOf(IndexRow row) {
            return row.batches();
        }
    };

    final String rule;
    final String method;
    final String column;
    final String fallbackKey;

    Listing(String rule, String method, String column, String fallbackKey) {
        this.rule = rule;
        this.method = method;
        this.column = column;
        this.fallbackKey = fallbackKey;
    }

    abstract List<IndexRow> page(ResolutionQuery store, String key, String after, int limit);

    abstract boolean matches(IndexRow row, String key);

    abstract IndexRow.Builder withKey(IndexRow.Builder row, IndexRow current, String key);

    abstract Collection<String> keysOf(IndexRow row);

    Gen<String> keys() {
        return this == LEADER ? StoredRecordGenerators.officialIds()
                : this == UNIT ? StoredRecordGenerators.unitIds() : StoredRecordGenerators.batchIds();
    }

    String call(String key, String after, int limit) {
        return method + "(\"" + key + "\", " + (after == null ? "null" : "\"" + after + "\"") + ", " + limit + ")";
    }
}
