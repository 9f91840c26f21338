package io.github.xinfang.persistence;

import java.util.Optional;

/**
 * The storage port of xinfang: where a portal keeps its cases. Implementations must be thread-safe.
 *
 * <p>The contract, as numbered rules (the test kit names its tests after them):
 * <ol>
 *   <li><b>S1 (byte for byte).</b> Every stored event and snapshot comes back exactly as committed: the
 *       same case id, sequence, type name, schema version, recorded instant and payload text, byte for byte.</li>
 *   <li><b>S2 (atomic commit).</b> {@link #commit} stores the commit's events, its snapshot, its index row
 *       and its idempotency record together, or none of them. A reader never sees part of a commit.</li>
 *   <li><b>S3 (optimistic version).</b> A commit succeeds only if the stored version of its case equals its
 *       expected version (0: the case does not exist). Otherwise it throws {@link VersionConflictException}
 *       and changes nothing. The check is atomic with the write: of several concurrent commits at the same
 *       expected version exactly one succeeds.</li>
 *   <li><b>S4 (versions and sequences).</b> A case's version is the number of its commits. Event sequence
 *       numbers start at 1 and have no gaps; a commit whose first event does not continue the stored
 *       sequence is refused with {@link IllegalArgumentException} and changes nothing.</li>
 *   <li><b>S5 (idempotency records).</b> Idempotency keys are unique per case. A commit whose key is
 *       already recorded for its case throws {@link DuplicateCommandException} and changes nothing (a
 *       version conflict, if both apply, may be reported instead). {@link #findApplied} returns the digest,
 *       the versions and exactly the events of the commit that recorded the key.</li>
 *   <li><b>S6 (load).</b> {@link #load} returns the latest committed version, its snapshot and every event
 *       in sequence order; an unknown case is empty.</li>
 *   <li><b>S7 (index row).</b> {@link #indexRow} returns the index row of the latest commit, equal to the
 *       one committed.</li>
 *   <li><b>S8 (failures).</b> Infrastructure failures are thrown as {@link StoreException} (or a subclass)
 *       with the cause kept; nothing else escapes.</li>
 *   <li><b>S11 (one read per command).</b> {@link #loadForCommand} answers as {@link #findApplied} and, when that
 *       finds nothing, {@link #loadFromSnapshot} would at that moment: the service calls it once before each command.
 *       A store may answer it with fewer round trips than the two calls (the default makes them).</li>
 * </ol>
 *
 * <p>A store that keeps the event chain (the tamper-evident history, {@link #keepsEventChain()}) also follows:
 * <ol start="9">
 *   <li><b>S9 (chain links).</b> It stores each event's link from {@link CaseCommit#links()} with the event, and
 *       returns it byte for byte: {@link StoredCase#chainHead()} is the link of the case's last event, and
 *       {@link #chainedEventsAfter} returns every event with the key of its commit and its link (null for an event
 *       committed without one). It never computes, changes or drops a link, and a commit that is refused stores no
 *       link. Links are written in the same atomic commit as their events (rule S2).</li>
 * </ol>
 *
 * <p>A store that takes commits without a snapshot ({@link #snapshotsOptional()}) also follows:
 * <ol start="10">
 *   <li><b>S10 (snapshot cadence).</b> A commit whose {@link CaseCommit#snapshot()} is null keeps the case's latest
 *       snapshot; every other rule holds as for any commit. {@link #load} returns that latest snapshot (at an earlier
 *       version than the case's) and every event; {@link #loadFromSnapshot} returns it with at least every event
 *       committed after it, and at least the case's last event, in sequence order (and, with rule S9, the chain head).
 *       The first commit of a case always carries a snapshot.</li>
 * </ol>
 *
 * <p>The SPI grows only by {@code default} methods and new optional ports.
 *
 * @since 0.1
 */
public interface CaseStore {

    /**
     * Commits one change of one case atomically (rules S2 to S5).
     *
     * @param commit the change
     * @throws VersionConflictException if the stored version is not the expected one
     * @throws DuplicateCommandException if the idempotency key is already recorded for the case
     * @throws IllegalArgumentException if the events do not continue the stored sequence
     * @throws StoreException on an infrastructure failure
     */
    void commit(CaseCommit commit);

    /**
     * Loads a case (rule S6).
     *
     * @param caseId the case id
     * @return the case, or empty if it was never committed
     * @throws StoreException on an infrastructure failure
     */
    Optional<StoredCase> load(String caseId);

    /**
     * Loads a case for a command: its latest snapshot and the events after it (rule S10), which is all the service
     * needs to rebuild the current state. Core replays the events whose sequence follows the snapshot's state and
     * skips the others, so a store may return more events than that, and this default returns {@link #load}.
     *
     * @param caseId the case id
     * @return the case, or empty if it was never committed
     * @throws StoreException on an infrastructure failure
     * @since 0.9
     */
    default Optional<StoredCase> loadFromSnapshot(String caseId) {
        return load(caseId);
    }

    /**
     * Reads what a command needs before it is decided (rule S11): the commit that recorded its key, or else the case
     * from its latest snapshot. This default calls {@link #findApplied}, then {@link #loadFromSnapshot}.
     *
     * @param caseId the case id
     * @param idempotencyKey the command's key
     * @return the commit that recorded the key, or else the case (empty if it was never committed)
     * @throws NullPointerException if an argument is null
     * @throws StoreException on an infrastructure failure
     * @since 0.9
     */
    default CommandLookup loadForCommand(String caseId, String idempotencyKey) {
        Optional<AppliedCommand> applied = findApplied(caseId, idempotencyKey);
        return new CommandLookup(applied, applied.isPresent() ? Optional.empty() : loadFromSnapshot(caseId));
    }

    /**
     * Whether this store takes commits without a snapshot (rule S10), so that the service writes a snapshot every few
     * commits instead of at every one. A store that does not (this default) is always sent one.
     *
     * @return true if {@link CaseCommit#snapshot()} may be null
     * @since 0.9
     */
    default boolean snapshotsOptional() {
        return false;
    }

    /**
     * Finds the commit that recorded an idempotency key for a case (rule S5).
     *
     * @param caseId the case id
     * @param idempotencyKey the key
     * @return the applied command, or empty
     * @throws StoreException on an infrastructure failure
     */
    Optional<AppliedCommand> findApplied(String caseId, String idempotencyKey);

    /**
     * Reads a case's current index row (rule S7).
     *
     * @param caseId the case id
     * @return the row, or empty for an unknown case
     * @throws StoreException on an infrastructure failure
     */
    Optional<IndexRow> indexRow(String caseId);

    /**
     * Runs an action once the commit this thread just made is durable and visible to other readers: at once, for a
     * store that commits by itself (this default); after the caller's transaction commits, for a store that takes
     * part in a transaction the caller opened; never, if that transaction rolls back. The service calls it after
     * each successful {@link #commit}, to tell its listeners.
     *
     * @param action what to run; its exceptions are the caller's (the service catches its listeners' own)
     * @throws NullPointerException if action is null
     * @since 0.3
     */
    default void afterCommit(Runnable action) {
        java.util.Objects.requireNonNull(action, "action").run();
    }

    /**
     * Whether this store keeps the event chain (rule S9). A store that does not (this default) ignores
     * {@link CaseCommit#links()}, loads cases with no chain head and cannot list its events with their links.
     *
     * @return true if the store keeps each event's chain link
     * @since 0.7
     */
    default boolean keepsEventChain() {
        return false;
    }

    /**
     * Lists stored events with their commit's key and their link (rule S9), in the order of case id
     * ({@link String#compareTo}) then sequence, strictly after the position given: a keyset walk over the whole store,
     * or over one case from {@code (caseId, 0)} until the case id changes. The tamper-evidence verifier reads the
     * history through it.
     *
     * @param caseId the case id of the position ("" to start before every case)
     * @param sequence the sequence of the position within that case (0 to start before its first event)
     * @param limit the most events to return, at least 1
     * @return the events after the position, ascending, at most {@code limit}
     * @throws NullPointerException if caseId is null
     * @throws IllegalArgumentException if sequence is negative or limit below 1
     * @throws UnsupportedOperationException if the store keeps no event chain (this default)
     * @throws StoreException on an infrastructure failure
     * @since 0.7
     */
    default java.util.List<ChainedEvent> chainedEventsAfter(String caseId, long sequence, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no event chain");
    }
}
