package io.github.xinfang.service;

import io.github.xinfang.cases.CaseState;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The decoded states of the cases a service touched last, so that a command on a case does not decode its snapshot and
 * replay the events after it again: a snapshot is a cache, and this is the cache of its decoding. An entry answers only
 * for the exact stored version it was made from: the same case, version, last event (sequence and payload, byte for
 * byte) and chain head. So whatever the store holds decides: a commit by another node or service, a transaction rolled
 * back after the entry was made, a history restored from a backup all miss and are decoded afresh. Least recently used
 * entries go first once it holds {@code capacity}. Thread-safe (one lock; every operation is a map access).
 */
final class StateCache {
    private final int capacity;
    private final Map<String, Entry> entries;
    /** How many lookups an entry answered (for tests); guarded by {@code entries}. */
    private long hits;

    /** What a stored case is recognised by, and its state. */
    private record Entry(long version, long lastSequence, String lastPayload, String chainHead, CaseState state) {
        boolean answers(StoredCase stored) {
            if (version != stored.version()) return false;
            List<StoredEvent> events = stored.events();
            if (events.isEmpty()) return false;
            StoredEvent last = events.get(events.size() - 1);
            return last.sequence() == lastSequence && last.payload().equals(lastPayload)
                    && Objects.equals(stored.chainHead(), chainHead);
        }
    }

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
     * @param stored a stored case (its latest snapshot and at least its last event)
     * @param decode how to decode its current state on a miss
     * @return its current state, from the cache when an entry was made from exactly this version
     */
    CaseState decoded(StoredCase stored, Function<StoredCase, CaseState> decode) {
        if (capacity == 0) return decode.apply(stored);
        Entry e;
        synchronized (entries) {
            e = entries.get(stored.caseId());
        }
        if (e != null && e.answers(stored)) {
            synchronized (entries) {
                hits++;
            }
            return e.state;
        }
        CaseState state = decode.apply(stored);
        List<StoredEvent> events = stored.events();
        if (!events.isEmpty()) {
            put(stored.caseId(), stored.version(), events.get(events.size() - 1), stored.chainHead(), state);
        }
        return state;
    }

    /**
     * Remembers a case's state at a version (after the commit that stored it).
     *
     * @param caseId the case
     * @param version its version
     * @param last its last event as stored
     * @param chainHead that event's chain link, or null
     * @param state its state
     */
    void put(String caseId, long version, StoredEvent last, String chainHead, CaseState state) {
        if (capacity == 0) return;
        synchronized (entries) {
            Entry old = entries.get(caseId);
            if (old == null || old.version <= version) {
                entries.put(caseId, new Entry(version, last.sequence(), last.payload(), chainHead, state));
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
