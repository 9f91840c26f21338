package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.IndexRow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one client saw paging through a listing while other clients wrote between its pages (rules Q2, R5, O4): the
 * cases on its pages, how often each, and the cases the writes changed. Not thread-safe; not part of the kit's API.
 */
final class Paging {

    /** The message of a rule's failure for a row that did not change but was not seen exactly once. */
    @FunctionalInterface
    interface Failure {
        String message(String caseId, int times);
    }

    private final Map<String, Integer> seen = new HashMap<>();
    private final Set<String> changed = new HashSet<>();

    /** Records a row on a page. */
    void saw(IndexRow row) {
        seen.merge(row.caseId(), 1, Integer::sum);
    }

    /** Records a case a write between pages changed. */
    void changed(String caseId) {
        changed.add(caseId);
    }

    /**
     * Fails unless each row of the listing at the start that no write changed appeared exactly once across the pages.
     *
     * @param atStart the listing's rows before the first page
     * @param failure the failure's message for a row
     */
    void assertEachUnchangedRowOnce(List<IndexRow> atStart, Failure failure) {
        for (IndexRow row : atStart) {
            if (changed.contains(row.caseId())) continue;
            int times = seen.getOrDefault(row.caseId(), 0);
            if (times != 1) throw new AssertionError(failure.message(row.caseId(), times));
        }
    }
}
