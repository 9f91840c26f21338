package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Builds stored records for the tests. Stateless. */
final class Commits {
    static final Instant T0 = Instant.parse("2025-03-01T08:00:00.123456789Z");

    private Commits() {}

    /** A commit of {@code eventCount} events continuing a history of {@code eventsSoFar}, with a default index row. */
    static CaseCommit commit(String caseId, long expectedVersion, long eventsSoFar, int eventCount) {
        return commit(caseId, expectedVersion, eventsSoFar, eventCount, b -> b);
    }

    static CaseCommit commit(String caseId, long expectedVersion, long eventsSoFar, int eventCount, UnaryOperator<IndexRow.Builder> row) {
        return commit(caseId, expectedVersion, eventsSoFar, eventCount, caseId + "/key-" + (expectedVersion + 1), row);
    }

    static CaseCommit commit(String caseId, long expectedVersion, long eventsSoFar, int eventCount, String key,
                             UnaryOperator<IndexRow.Builder> row) {
        long version = expectedVersion + 1;
        List<StoredEvent> events = new ArrayList<>(eventCount);
        for (int i = 1; i <= eventCount; i++) {
            long seq = eventsSoFar + i;
            events.add(new StoredEvent(caseId, seq, "case.noted", 1,
                    "{\"seq\":" + seq + ",\"note\":\"来访人反映 #" + seq + "\"}", T0.plusSeconds(seq).plusNanos(seq)));
        }
        StoredSnapshot snapshot = new StoredSnapshot(caseId, version, 1, "{\"version\":" + version + ",\"events\":" + (eventsSoFar + eventCount) + "}");
        IndexRow indexRow = row.apply(IndexRow.builder(caseId).version(version).stage("IN_HANDLING").regionCode("450102")).build();
        return new CaseCommit(caseId, expectedVersion, events, snapshot, indexRow, key, "digest-" + key);
    }

    /** Commits the next change of a case, reading its version and history length from the store. */
    static CaseCommit next(CaseStore store, String caseId, int eventCount, UnaryOperator<IndexRow.Builder> row) {
        var loaded = store.load(caseId);
        long version = loaded.map(c -> c.version()).orElse(0L);
        long events = loaded.map(c -> (long) c.events().size()).orElse(0L);
        return commit(caseId, version, events, eventCount, row);
    }
}
