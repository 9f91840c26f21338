package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The conformance test of rule S10 of {@link CaseStore} (commits without a snapshot), for a store whose
 * {@link CaseStore#snapshotsOptional()} is true: implement it beside {@link CaseStoreTck}.
 *
 * @param <S> the adapter's type
 * @since 0.9
 */
public interface SnapshotCadenceTck<S extends CaseStore> extends StoreFactory<S> {

    /**
     * S10 (for a store whose {@link CaseStore#snapshotsOptional()} is true): a commit without a snapshot keeps the
     * case's latest one; {@code load} returns it with the whole history, {@code loadFromSnapshot} with at least the
     * events after it and the last event, and both the same version and chain head.
     */
    @Test
    default void required_S10_commitsWithoutASnapshotKeepTheLatestOne() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(4, 12), integers().between(1, 4))
                .checkAssert((commits, every) -> inFreshStore(this, store -> {
            if (!store.snapshotsOptional()) throw new AssertionError("S10: snapshotsOptional() is false for a store the kit tests");
            Map<String, CaseCommit> lastSnapshot = new HashMap<>();
            Map<String, Integer> eventsAtSnapshot = new HashMap<>();
            List<CaseCommit> done = new ArrayList<>();
            for (CaseCommit generated : commits) {
                // Every `every`-th commit of a case carries its snapshot, and always the first.
                boolean carries = generated.expectedVersion() % every == 0;
                CaseCommit c = carries ? generated : new CaseCommit(generated.caseId(), generated.expectedVersion(),
                        generated.events(), null, generated.indexRow(), generated.idempotencyKey(), generated.commandDigest(),
                        generated.links());
                commitValid(store, c);
                done.add(c);
                List<StoredEvent> all = eventsOf(byCase(done).get(c.caseId()));
                if (carries) {
                    lastSnapshot.put(c.caseId(), c);
                    eventsAtSnapshot.put(c.caseId(), all.size());
                }
                StoredCase whole = store.load(c.caseId()).orElseThrow(() -> new AssertionError(
                        "S10: case " + c.caseId() + " was committed but load() finds nothing"));
                assertThat(whole.version()).as("S10: load() returns the latest version of case %s", c.caseId())
                        .isEqualTo(c.newVersion());
                assertThat(whole.snapshot()).as("S10: load() returns the latest snapshot committed for case %s, kept by"
                        + " the commits without one since", c.caseId()).isEqualTo(lastSnapshot.get(c.caseId()).snapshot());
                assertThat(whole.events()).as("S10: load() still returns every event of case %s", c.caseId()).isEqualTo(all);
                StoredCase tail = store.loadFromSnapshot(c.caseId()).orElseThrow(() -> new AssertionError(
                        "S10: case " + c.caseId() + " was committed but loadFromSnapshot() finds nothing"));
                assertThat(tail.version()).as("S10: loadFromSnapshot() returns the latest version").isEqualTo(c.newVersion());
                assertThat(tail.snapshot()).as("S10: loadFromSnapshot() returns the latest snapshot").isEqualTo(whole.snapshot());
                assertThat(tail.chainHead()).as("S10: loadFromSnapshot() returns the chain head of load()").isEqualTo(whole.chainHead());
                int from = Math.min(eventsAtSnapshot.get(c.caseId()), all.size() - 1);
                assertThat(tail.events().size()).as("S10: loadFromSnapshot() returns at least the events after the"
                        + " snapshot and the last one").isGreaterThanOrEqualTo(all.size() - from);
                assertThat(tail.events()).as("S10: loadFromSnapshot() returns a tail of the history, in sequence order,"
                        + " byte for byte").isEqualTo(all.subList(all.size() - tail.events().size(), all.size()));
            }
        }));
    }

}
