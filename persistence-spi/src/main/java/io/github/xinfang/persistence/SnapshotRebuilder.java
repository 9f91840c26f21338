package io.github.xinfang.persistence;

import java.util.List;

/**
 * Rebuilds a case's snapshot from its stored events. An adapter calls it when its maintenance finds a stored
 * snapshot it cannot read (a schema migration over a damaged database); core implements it
 * ({@code CaseService.snapshotRebuilder()}), since only core can decode events and replay them. An adapter never
 * implements it.
 *
 * <ol>
 *   <li><b>B1 (events alone).</b> The result depends on the arguments only: the events are decoded and replayed in
 *       order, and no stored snapshot is consulted (it is what is being replaced).</li>
 *   <li><b>B2 (identity).</b> The result's case id is {@code caseId} and its version is {@code version}.</li>
 *   <li><b>B3 (as a commit wrote it).</b> The result's schema version and payload are what the release's codec writes
 *       for the replayed state: for the history of a case that release committed, the snapshot that commit
 *       stored, byte for byte.</li>
 *   <li><b>B4 (failure).</b> Events that do not decode, or do not form a history of {@code caseId}, raise a
 *       {@link XinfangException}; the caller then writes nothing. It never returns null.</li>
 *   <li><b>B5 (no side effects).</b> It reads and writes no store.</li>
 * </ol>
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.3
 */
@FunctionalInterface
public interface SnapshotRebuilder {

    /**
     * Rebuilds the snapshot of a case at a version from its events.
     *
     * @param caseId the case
     * @param version the case's stored version (number of commits, from 1), which the snapshot reflects
     * @param events every stored event of the case, in sequence order from 1
     * @return the snapshot (rules B1 to B3)
     * @throws XinfangException if the events do not decode or do not replay (rule B4)
     */
    StoredSnapshot rebuild(String caseId, long version, List<StoredEvent> events);
}
