package io.github.xinfang.service;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CodecException;
import io.github.xinfang.persistence.SnapshotRebuilder;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The snapshot rebuilder a storage adapter calls when it finds a snapshot it cannot read (rules B1 to B5 of
 * {@link SnapshotRebuilder}): from the events alone, it gives back what each commit stored.
 */
class SnapshotRebuilderTests {
    private final TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
    private final InMemoryCaseStore store = InMemoryCaseStore.create();
    /** Writing a snapshot at every commit, so that each version has one to compare with (rule B1 is about those). */
    private final CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).snapshotEvery(1).build();
    private final CaseId id = new CaseId("XF-2026-0001");

    @Test
    void b1_b2_b3_atEveryVersionTheRebuiltSnapshotIsTheOneTheCommitStoredByteForByte() {
        SnapshotRebuilder rebuilder = service.snapshotRebuilder();
        for (CaseCommand c : ChangeFeedFixtures.lifecycle(id)) {
            assertThat(service.handle(c).isApplied()).as("%s", c.getClass().getSimpleName()).isTrue();
            StoredCase stored = store.load(id.value()).orElseThrow();

            assertThat(rebuilder.rebuild(id.value(), stored.version(), stored.events()))
                    .as("version %d", stored.version()).isEqualTo(stored.snapshot());
        }
        assertThat(store.load(id.value()).orElseThrow().version()).isGreaterThan(5);
    }

    @Test
    void b1_withTheDefaultCadenceEachStoredSnapshotIsTheRebuildOfTheEventsUpToItsVersion() {
        InMemoryCaseStore sparse = InMemoryCaseStore.create();
        CaseService cadenced = CaseService.builder(sparse, Org.DIRECTORY, clock).snapshotEvery(3).build();
        SnapshotRebuilder rebuilder = cadenced.snapshotRebuilder();
        List<Long> snapshotVersions = new ArrayList<>();
        for (CaseCommand c : ChangeFeedFixtures.lifecycle(id)) {
            assertThat(cadenced.handle(c).isApplied()).as("%s", c.getClass().getSimpleName()).isTrue();
            StoredCase stored = sparse.load(id.value()).orElseThrow();
            long at = stored.snapshot().version();
            if (!snapshotVersions.contains(at)) snapshotVersions.add(at);
            // The commit of the snapshot's version ended at the event whose sequence the snapshot's state holds.
            long last = cadenced.codec().decodeSnapshot(stored.snapshot()).lastSequence();
            List<StoredEvent> upTo = stored.events().stream().filter(e -> e.sequence() <= last).toList();
            assertThat(rebuilder.rebuild(id.value(), at, upTo)).as("snapshot of version %d", at).isEqualTo(stored.snapshot());
            assertThat(cadenced.state(id)).as("version %d: the snapshot and the events after it", stored.version())
                    .isEqualTo(cadenced.rebuildSnapshot(id));
        }
        assertThat(snapshotVersions).as("a snapshot at the first commit and every third after it").startsWith(1L, 4L, 7L);
    }

    @Test
    void b4_eventsThatDoNotFormAHistoryOfTheCaseAreRefusedNamingIt() {
        for (CaseCommand c : ChangeFeedFixtures.lifecycle(id).subList(0, 3)) service.handle(c);
        StoredCase stored = store.load(id.value()).orElseThrow();
        SnapshotRebuilder rebuilder = service.snapshotRebuilder();

        assertThatThrownBy(() -> rebuilder.rebuild(id.value(), 3, stored.events().subList(1, 3)))
                .isInstanceOf(StoreException.class).hasMessageContaining(id.value());
        assertThatThrownBy(() -> rebuilder.rebuild(id.value(), 3, List.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining(id.value());
        assertThatThrownBy(() -> rebuilder.rebuild("XF-2026-0002", 3, stored.events()))
                .isInstanceOf(StoreException.class).hasMessageContaining("XF-2026-0002");
        List<StoredEvent> garbled = new ArrayList<>(stored.events());
        StoredEvent first = garbled.get(0);
        garbled.set(0, new StoredEvent(first.caseId(), 1, first.type(), first.schemaVersion(), "{\"not\":\"an event\"}",
                first.recordedAt()));
        assertThatThrownBy(() -> rebuilder.rebuild(id.value(), 3, garbled)).isInstanceOf(CodecException.class);
    }

    @Test
    void b5_rebuildingReadsAndWritesNoStore() {
        for (CaseCommand c : ChangeFeedFixtures.lifecycle(id).subList(0, 2)) service.handle(c);
        StoredCase stored = store.load(id.value()).orElseThrow();
        // A service over another, empty store rebuilds the same snapshot: nothing is looked up.
        CaseService elsewhere = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock).build();

        assertThat(elsewhere.snapshotRebuilder().rebuild(id.value(), 2, stored.events())).isEqualTo(stored.snapshot());
        assertThat(store.load(id.value()).orElseThrow()).isEqualTo(stored);
    }
}
