package io.github.xinfang.persistence;

import java.util.List;

/**
 * The cluster warnings (类案预警) raised so far: a store of {@link StoredWarning}s that raises each cluster's warning at a
 * level at most once, so a warning is never sent twice however many sweeps run, on however many nodes. An optional
 * port: a store that offers it implements this interface too. Thread-safe.
 *
 * <ol>
 *   <li><b>K1 (once per level, never below).</b> {@link #raise} records the warning and returns {@code true} only if the
 *       store holds no warning of the same {@link StoredWarning#cluster() cluster} at the same or a higher level;
 *       otherwise it records nothing and returns {@code false}. Of concurrent calls raising the same warning, exactly
 *       one returns {@code true}.</li>
 *   <li><b>K2 (kept as given).</b> A recorded warning is returned by {@link #warnings} with every component equal to
 *       what was raised, the payload byte for byte; it is never changed or removed by the store.</li>
 *   <li><b>K3 (listing).</b> {@link #warnings} returns the warnings whose region prefix starts with {@code regionPrefix}
 *       (the empty prefix: every warning), ordered by id (binary order), strictly after {@code afterId} ({@code null}:
 *       from the start), at most {@code limit}.</li>
 *   <li><b>K4 (highest level).</b> {@link #highestLevel} is the highest level recorded for a cluster, 0 for none.</li>
 *   <li><b>K5 (arguments).</b> Null arguments (other than {@code afterId}) throw {@link NullPointerException} naming the
 *       parameter; a region prefix that is not zero to six ASCII digits, or a {@code limit} below 1, throws
 *       {@link IllegalArgumentException}. Nothing is read or written.</li>
 * </ol>
 *
 * @since 0.6
 */
public interface ClusterWarnings {

    /**
     * Records a warning unless its cluster was already warned at its level or higher (rule K1).
     *
     * @param warning the warning
     * @return whether it was recorded (and must be sent)
     * @throws NullPointerException if warning is null
     * @throws StoreException on an infrastructure failure (nothing recorded)
     */
    boolean raise(StoredWarning warning);

    /**
     * Reads one page of the warnings under a region prefix (rule K3).
     *
     * @param regionPrefix zero to six digits ({@code ""}: every warning)
     * @param afterId the last id of the previous page, or null for the first page
     * @param limit the page size, at least 1
     * @return the page, ascending by id
     * @throws NullPointerException if regionPrefix is null
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits, or limit is below 1
     * @throws StoreException on an infrastructure failure
     */
    List<StoredWarning> warnings(String regionPrefix, String afterId, int limit);

    /**
     * @param cluster a cluster's key
     * @return the highest level recorded for it, 0 if none (rule K4)
     * @throws NullPointerException if cluster is null
     * @throws StoreException on an infrastructure failure
     */
    int highestLevel(String cluster);

    /**
     * Checks the arguments of {@link #warnings} as rule K5 says; for adapters.
     *
     * @param regionPrefix the prefix
     * @param limit the page size
     * @throws NullPointerException if regionPrefix is null
     * @throws IllegalArgumentException if regionPrefix is not zero to six digits, or limit is below 1
     */
    static void checkArguments(String regionPrefix, int limit) {
        ReportQuery.checkArguments(regionPrefix, java.time.Instant.EPOCH, limit);
    }
}
