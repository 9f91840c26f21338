package io.github.xinfang.persistence;

import java.util.List;

/**
 * The change feed: every commit of the store, in commit order, so projections, notifications and search
 * indexes can resume from a saved position after a crash without losing or repeating a change. An
 * optional port: a store that offers it implements this interface too. Thread-safe.
 *
 * <ol>
 *   <li><b>F1 (positions).</b> Every successful commit gets exactly one position; positions start at 1 and
 *       have no gaps within the store (a sharded deployment has one feed per shard).</li>
 *   <li><b>F2 (order).</b> If commit A was acknowledged before commit B started, A's position is lower. The
 *       changes of one case appear in version order.</li>
 *   <li><b>F3 (reading).</b> {@link #changesAfter} returns the changes with positions greater than the one given,
 *       ascending, at most {@code limit}, and never a position while a lower one is still missing.</li>
 *   <li><b>F4 (content).</b> A change carries the case id, the version the commit produced and exactly that
 *       commit's events, byte for byte as stored (rule S1 of {@link CaseStore}).</li>
 * </ol>
 *
 * @since 0.1
 */
public interface ChangeFeed {

    /**
     * Reads changes after a position (rules F1 to F4).
     *
     * @param position the last position already processed (0 to read from the start)
     * @param limit the most changes to return, at least 1
     * @return the changes, ascending by position
     * @throws IllegalArgumentException if position is negative or limit below 1
     * @throws StoreException on an infrastructure failure
     */
    List<Change> changesAfter(long position, int limit);
}
