package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChangeFeed;

import java.util.ArrayList;
import java.util.List;

/** Reads a change feed from a position to its end, checking rule F3 on every page. */
final class FeedReading {

    private FeedReading() {}

    /** @return how many changes the store's feed holds, or 0 if it has none */
    static long lengthOf(CaseStore store) {
        return store instanceof ChangeFeed ? readAll((ChangeFeed) store, 0, 100).size() : 0;
    }

    /** Reads every change after a position, page by page, checking F3 on each page. */
    static List<Change> readAll(ChangeFeed feed, long after, int pageSize) {
        List<Change> all = new ArrayList<>();
        long position = after;
        for (int pages = 0; pages < 1_000_000; pages++) {
            List<Change> page = feed.changesAfter(position, pageSize);
            checkPage(page, position, pageSize);
            if (page.isEmpty()) return all;
            all.addAll(page);
            position = page.get(page.size() - 1).position();
        }
        throw new AssertionError("F3: the feed never ends: changesAfter keeps returning changes");
    }

    /** F3: a page holds at most limit changes, ascending and consecutive from position + 1. */
    static void checkPage(List<Change> page, long position, int limit) {
        if (page == null) throw new AssertionError("F3: changesAfter(" + position + ", " + limit + ") returned null");
        if (page.size() > limit) {
            throw new AssertionError("F3: changesAfter(" + position + ", " + limit + ") returned " + page.size()
                    + " changes, more than the limit");
        }
        long expected = position + 1;
        for (Change c : page) {
            if (c.position() != expected) {
                throw new AssertionError("F3: changesAfter(" + position + ", " + limit + ") returned position "
                        + c.position() + " where " + expected + " was due (positions " + positions(page) + "): return"
                        + " changes ascending by position, without gaps, and never a position while a lower one is"
                        + " still missing (order by position; assign positions in commit order)");
            }
            expected++;
        }
    }

    private static List<Long> positions(List<Change> page) {
        List<Long> out = new ArrayList<>();
        for (Change c : page) out.add(c.position());
        return out;
    }
}
