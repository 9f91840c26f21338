package io.github.xinfang.persistence.chain;

import io.github.xinfang.persistence.ChainedEvent;
import io.github.xinfang.persistence.StoreException;

import java.time.Instant;
import java.util.List;

/**
 * The access audit trail: every read, export and refused attempt on a case, kept tamper-evident like the history and
 * queryable by case and by actor (GB/T 22239-2019 security audit; kept at least six months, Cybersecurity Law Art. 21).
 * An optional port: a store that offers it implements this interface too ({@code InMemoryCaseStore}, the JDBC
 * adapter). Thread-safe.
 *
 * <ol>
 *   <li><b>A1 (numbered and chained).</b> {@link #record} numbers the entry within its case, from 1, without gaps, and
 *       chains it to the case's previous record with the chain given: {@code link = chain.auditLink(previous, entry,
 *       sequence)}, {@code previous} being the link of the case's last record (null for the first). Concurrent records
 *       of one case get distinct, consecutive numbers; the numbering and the previous link survive a purge.</li>
 *   <li><b>A2 (kept as given).</b> Records come back exactly as recorded: actor, case, action, outcome, instant (to the
 *       nanosecond), sequence and links.</li>
 *   <li><b>A3 (listing).</b> {@link #recordsAfter} walks every record in case id ({@link String#compareTo}) then
 *       sequence order after a position; {@link #byActor} the records of one actor in the same order. Keyset-paged,
 *       at most {@code limit}.</li>
 *   <li><b>A4 (retention).</b> {@link #purgeBefore} deletes the records whose instant is before the cutoff and no
 *       other; it never renumbers or relinks the rest.</li>
 *   <li><b>A5 (arguments).</b> A null argument throws {@code NullPointerException} naming it; a negative sequence or a
 *       limit below 1, {@code IllegalArgumentException}.</li>
 * </ol>
 *
 * @since 0.7
 */
public interface AccessAudit {

    /**
     * Records an access (rule A1).
     *
     * @param entry the access
     * @param chain the chain whose links the trail keeps
     * @return the record kept
     * @throws StoreException on an infrastructure failure (nothing is recorded then)
     */
    AuditRecord record(AuditEntry entry, EventChain chain);

    /**
     * Records after a position, in case id then sequence order (rule A3): the trail of one case from {@code (caseId, 0)}
     * until the case id changes, or the whole trail from {@code ("", 0)}.
     *
     * @param caseId the case id of the position
     * @param sequence the sequence of the position within that case
     * @param limit the most records to return, at least 1
     * @return the records, ascending
     * @throws StoreException on an infrastructure failure
     */
    List<AuditRecord> recordsAfter(String caseId, long sequence, int limit);

    /**
     * One actor's records after a position, in case id then sequence order (rule A3).
     *
     * @param actor the actor, as recorded
     * @param caseId the case id of the position ("" to start)
     * @param sequence the sequence of the position within that case
     * @param limit the most records to return, at least 1
     * @return the records, ascending
     * @throws StoreException on an infrastructure failure
     */
    List<AuditRecord> byActor(String actor, String caseId, long sequence, int limit);

    /**
     * Deletes the records older than a cutoff (rule A4). The caller enforces the retention period.
     *
     * @param cutoff records whose instant is before it are deleted
     * @return how many were deleted
     * @throws StoreException on an infrastructure failure
     */
    long purgeBefore(Instant cutoff);

    /**
     * Checks the arguments of the listings (rule A5), for adapters.
     *
     * @param caseId the position's case id
     * @param sequence the position's sequence
     * @param limit the limit
     * @throws NullPointerException if caseId is null
     * @throws IllegalArgumentException if sequence is negative or limit below 1
     */
    static void checkArguments(String caseId, long sequence, int limit) {
        ChainedEvent.checkPosition(caseId, sequence, limit);
    }
}
