package io.github.xinfang.service;

import io.github.xinfang.cases.CaseState;
import io.github.xinfang.persistence.StoredSnapshot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The decoded states of the cases a service touched last, so that a command on a case does not decode its snapshot
 * again: a snapshot is a cache, and this is the cache of its decoding. An entry answers only for the exact stored
 * snapshot it was decoded from or encoded to (same case, same version, same payload), so whatever the store holds
 * decides: a commit by another node or service, a transaction rolled back after the entry was made, a rebuilt
 * snapshot all miss and are decoded afresh. Least recently used entries go first once it holds {@code capacity}.
 * Thread-safe (one lock; every operation is a map access).
 */
final class StateCache {
    private final int capacity;
    private final Map<String, Entry> entries;
    /** How many lookups an entry answered (for tests); guarded by {@code entries}. */
    private long hits;

    private record Entry(long version, String payload, CaseState state) {}

    /** @param capacity the most cases held; 0 disables the cache */
    StateCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 4 / 3 + 1, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > StateCache.this.capacity;
            }
        };
    }

    /**
     * @param snapshot a stored snapshot
     * @param decode how to decode it on a miss
     * @return its state, from the cache when an entry was made from exactly this snapshot
     */
    CaseState decoded(StoredSnapshot snapshot, Function<StoredSnapshot, CaseState> decode) {
        if (capacity == 0) return decode.apply(snapshot);
        Entry e;
        synchronized (entries) {
            e = entries.get(snapshot.caseId());
        }
        if (e != null && e.version == snapshot.version() && e.payload.equals(snapshot.payload())) {
            synchronized (entries) {
                hits++;
            }
            return e.state;
        }
        CaseState state = decode.apply(snapshot);
        put(snapshot, state);
        return state;
    }

    /** Remembers the state a snapshot holds (after the commit that stored it). */
    void put(StoredSnapshot snapshot, CaseState state) {
        if (capacity == 0) return;
        synchronized (entries) {
            Entry old = entries.get(snapshot.caseId());
            if (old == null || old.version <= snapshot.version()) {
                entries.put(snapshot.caseId(), new Entry(snapshot.version(), snapshot.payload(), state));
            }
        }
    }

    /** @return how many lookups an entry answered */
    long hits() {
        synchronized (entries) {
            return hits;
        }
    }

    /** Forgets a case (its personal data was erased: the next command decodes the placeholders). */
    void evict(String caseId) {
        if (capacity == 0) return;
        synchronized (entries) {
            entries.remove(caseId);
        }
    }
}
