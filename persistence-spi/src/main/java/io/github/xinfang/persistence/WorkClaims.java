package io.github.xinfang.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Claims of due work, so several sweeping nodes never work on the same case at once (on SQL databases,
 * {@code FOR UPDATE SKIP LOCKED}). An optional port: a store that offers it implements this interface
 * too. Time is passed in by the caller; the store reads no clock. Thread-safe.
 *
 * <ol>
 *   <li><b>W1 (claim).</b> {@link #claimDue} leases to {@code owner}, until {@code now + lease}, up to {@code limit}
 *       cases whose next attention instant is strictly before {@code dueBefore} and that hold no lease
 *       unexpired at {@code now}, earliest attention first.</li>
 *   <li><b>W2 (exclusive).</b> At any instant a case is leased to at most one owner: of concurrent claims on
 *       the same case, at most one gets it.</li>
 *   <li><b>W3 (release).</b> {@link #release} ends a lease held by the owner (expired or not) and answers true;
 *       a lease held by another owner is left alone and the answer is false.</li>
 *   <li><b>W4 (expiry).</b> A lease whose end is at or before {@code now} no longer holds: the case can be
 *       claimed again.</li>
 * </ol>
 *
 * @since 0.1
 */
public interface WorkClaims {

    /**
     * Claims due cases (rules W1, W2, W4).
     *
     * @param dueBefore only cases needing attention strictly before this
     * @param now the current instant, as the caller's clock says
     * @param lease how long the lease lasts, positive
     * @param owner the claiming node
     * @param limit the most cases to claim, at least 1
     * @return the claims made, earliest attention first
     * @throws StoreException on an infrastructure failure
     */
    List<Claim> claimDue(Instant dueBefore, Instant now, Duration lease, String owner, int limit);

    /**
     * Releases a lease (rule W3).
     *
     * @param caseId the case
     * @param owner the node that holds it
     * @return true if a lease held by owner was ended
     * @throws StoreException on an infrastructure failure
     */
    boolean release(String caseId, String owner);
}
