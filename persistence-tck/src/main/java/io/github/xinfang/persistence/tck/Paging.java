package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.IndexRow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

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
     * Pages through a listing in case-id order (rules R5 and O4), each page asked for with a keyset after the last
     * case of the page before, while up to two writes change cases after each page that is not empty; records the
     * rows seen and the cases changed. Fails, naming the rule, if a page is null, longer than the limit or not strictly
     * after the page before, if {@code check} fails a row, or if the paging does not end within
     * {@code maxPages} pages.
     *
     * @param rule     the rule, for example {@code "R5"}
     * @param listing  the listing in messages, for example {@code overdue(scope)}
     * @param limit    the most rows a page may hold
     * @param maxPages the most pages a correct store needs
     * @param page     the page after a case id (null for the first page)
     * @param call     the call that asks for that page, in messages
     * @param check    fails a row a call returned that does not belong in the listing
     * @param writes   how many writes to make in all
     * @param write    makes the write of a number from 0, returning the case it changed
     */
    void walkByCaseId(String rule, String listing, int limit, int maxPages, Function<String, List<IndexRow>> page,
            UnaryOperator<String> call, BiConsumer<String, IndexRow> check, int writes, IntFunction<String> write) {
        String previous = null;
        String after = null;
        int written = 0;
        for (int pageNo = 0; pageNo < maxPages; pageNo++) {
            List<IndexRow> rows = page.apply(after);
            String asked = call.apply(after);
            if (rows == null) throw new AssertionError(rule + ": " + asked + " returned null");
            if (rows.size() > limit) {
                throw new AssertionError(rule + ": " + asked + " returned " + rows.size() + " rows, more than the limit");
            }
            for (IndexRow row : rows) {
                check.accept(asked, row);
                if (previous != null && previous.compareTo(row.caseId()) >= 0) {
                    throw new AssertionError(rule + ": page " + (pageNo + 1) + " of " + listing + " returned case "
                            + row.caseId() + ", not strictly after case " + previous + " (page "
                            + StoreSuite.caseIds(rows) + "): page with a keyset (WHERE case_id > ? ORDER BY case_id"
                            + " LIMIT ?, binary collation), never with OFFSET");
                }
                previous = row.caseId();
                saw(row);
            }
            if (rows.isEmpty()) return;
            after = rows.get(rows.size() - 1).caseId();
            // other clients write between pages: new cases joining the listing, and changes to old ones
            for (int w = 0; w < 2 && written < writes; w++, written++) changed(write.apply(written));
        }
        throw new AssertionError(rule + ": paging " + listing + " did not end after " + maxPages
                + " pages: return only rows strictly after afterCaseId");
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
