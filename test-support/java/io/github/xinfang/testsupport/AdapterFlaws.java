package io.github.xinfang.testsupport;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.StoredEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flaws real adapters have, as the deliberately broken stores of the SPI's contract tests and of the test kit's own
 * tests both build them.
 */
public final class AdapterFlaws {

    private AdapterFlaws() {}

    /**
     * @param text a text
     * @return the text as a three-byte UTF-8 column (MySQL's utf8mb3) gives it back: emoji and rare CJK as U+FFFD
     */
    public static String throughUtf8mb3(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> b.appendCodePoint(Character.isBmpCodePoint(cp) ? cp : 0xFFFD));
        return b.toString();
    }

    /**
     * @param e an event
     * @return the event with its payload {@linkplain #throughUtf8mb3(String) through a utf8mb3 column}
     */
    public static StoredEvent throughUtf8mb3(StoredEvent e) {
        return new StoredEvent(e.caseId(), e.sequence(), e.type(), e.schemaVersion(), throughUtf8mb3(e.payload()), e.recordedAt());
    }

    /** A unique index on the idempotency key alone instead of (case id, key): a key one case used is refused to every other. */
    public static final class KeyIndexAcrossCases {
        private final Map<String, String> caseOfKey = new ConcurrentHashMap<>();

        /**
         * @param commit a commit
         * @param store where it goes if the index lets it
         * @throws DuplicateCommandException if another case recorded the commit's key
         */
        public void commit(CaseCommit commit, CaseStore store) {
            String owner = caseOfKey.get(commit.idempotencyKey());
            if (owner != null && !owner.equals(commit.caseId())) {
                throw new DuplicateCommandException(commit.caseId(), commit.idempotencyKey());
            }
            store.commit(commit);
            caseOfKey.put(commit.idempotencyKey(), commit.caseId());
        }
    }
}
