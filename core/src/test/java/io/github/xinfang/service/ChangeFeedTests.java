package io.github.xinfang.service;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.testsupport.ForwardingStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Examples of following the change feed and of rebuilding a snapshot, in a portal's words. */
class ChangeFeedTests {
    private final TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
    private final InMemoryCaseStore store = InMemoryCaseStore.create();
    private final CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).build();
    private final CaseId first = new CaseId("XF-2026-0001");
    private final CaseId second = new CaseId("XF-2026-0002");

    private List<CommandResult.Applied> apply(CaseId id, int steps) {
        List<CommandResult.Applied> applied = new ArrayList<>();
        for (CaseCommand c : ChangeFeedFixtures.lifecycle(id).subList(0, steps)) {
            CommandResult r = service.handle(c);
            assertThat(r).as("%s", c.getClass().getSimpleName()).isInstanceOf(CommandResult.Applied.class);
            applied.add((CommandResult.Applied) r);
        }
        return applied;
    }

    @Test
    void aPortalReadsEachCommitWithItsDecodedEventsInCommitOrder() {
        List<CommandResult.Applied> a = apply(first, 2);
        List<CommandResult.Applied> b = apply(second, 1);

        List<CaseChange> changes = service.changesAfter(0, 10);

        assertThat(changes).containsExactly(
                new CaseChange(1, first, 1, a.get(0).events()),
                new CaseChange(2, first, 2, a.get(1).events()),
                new CaseChange(3, second, 1, b.get(0).events()));
        assertThat(service.changesAfter(1, 1)).extracting(CaseChange::position).containsExactly(2L);
        assertThat(service.changesAfter(3, 10)).isEmpty();
    }

    @Test
    void aReplayedCommandIsNotANewChange() {
        apply(first, 1);
        service.handle(ChangeFeedFixtures.lifecycle(first).get(0));

        assertThat(service.changesAfter(0, 10)).hasSize(1);
    }

    @Test
    void aFollowerHandsChangesInBatchesAndReturnsThePositionToPersist() {
        apply(first, 5);
        List<Long> seen = new ArrayList<>();
        ChangeFollower follower = ChangeFollower.after(service, 0, 2, c -> seen.add(c.position()));

        assertThat(follower.pollOnce()).isEqualTo(2);
        assertThat(follower.pollOnce()).isEqualTo(4);
        assertThat(follower.pollOnce()).isEqualTo(5);
        assertThat(follower.pollOnce()).isEqualTo(5);
        apply(second, 1);
        assertThat(follower.pollOnce()).isEqualTo(6);
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aFollowerStartedFromASavedPositionAfterACrashContinuesWithTheNextChange() {
        apply(first, 4);
        List<Long> seen = new ArrayList<>();
        long saved = ChangeFollower.after(service, 0, 3, c -> seen.add(c.position())).pollOnce();
        // the process dies here; the portal had persisted `saved`
        apply(second, 2);

        long resumed = ChangeFollower.after(service, saved, 10, c -> seen.add(c.position())).pollOnce();

        assertThat(saved).isEqualTo(3);
        assertThat(resumed).isEqualTo(6);
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void whenTheHandlerFailsThePositionStaysAtTheLastChangeHandledAndTheNextPollRetriesIt() {
        apply(first, 3);
        List<Long> seen = new ArrayList<>();
        boolean[] fail = {true};
        ChangeFollower follower = ChangeFollower.after(service, 0, 10, c -> {
            if (c.position() == 2 && fail[0]) {
                fail[0] = false;
                throw new IllegalStateException("search index unavailable");
            }
            seen.add(c.position());
        });

        assertThatThrownBy(follower::pollOnce).hasMessage("search index unavailable");
        assertThat(follower.position()).isEqualTo(1);
        assertThat(follower.pollOnce()).isEqualTo(3);
        assertThat(seen).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aStoreWithoutAChangeFeedIsRefusedWithATypedError() {
        CaseService plain = CaseService.builder(ChangeFeedFixtures.withoutFeed(store), Org.DIRECTORY, clock).build();

        assertThatThrownBy(() -> plain.changesAfter(0, 10)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("ChangeFeed");
        assertThatThrownBy(() -> ChangeFollower.after(plain, 0, 10, c -> { }))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("ChangeFeed");
    }

    @Test
    void argumentsOutOfRangeAreRefusedNamingThem() {
        assertThatThrownBy(() -> service.changesAfter(-1, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> service.changesAfter(0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> ChangeFollower.after(service, -1, 1, c -> { })).hasMessageContaining("position");
        assertThatThrownBy(() -> ChangeFollower.after(service, 0, 0, c -> { })).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> ChangeFollower.after(service, 0, 1, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("handler");
    }

    @Test
    void aFeedThatSkipsAPositionStopsTheFollowerInsteadOfLosingAChange() {
        apply(first, 3);
        ChangeFeed skipping = (position, limit) -> {
            List<Change> changes = new ArrayList<>(store.changesAfter(position, limit));
            changes.removeIf(c -> c.position() == 2);
            return changes;
        };
        CaseService broken = CaseService.builder(new FeedOverride(store, skipping), Org.DIRECTORY, clock).build();
        List<Long> seen = new ArrayList<>();
        ChangeFollower follower = ChangeFollower.after(broken, 0, 10, c -> seen.add(c.position()));

        assertThatThrownBy(follower::pollOnce).isInstanceOf(io.github.xinfang.persistence.StoreException.class)
                .hasMessageContaining("from position 1 to 3");
        assertThat(follower.position()).isEqualTo(1);
        assertThat(seen).containsExactly(1L);
    }

    @Test
    void aSnapshotIsRebuiltFromTheEventsAloneAndEqualsTheStoredOne() {
        apply(first, 8);

        CaseState rebuilt = service.rebuildSnapshot(first).orElseThrow();

        assertThat(rebuilt).isEqualTo(service.history(first).orElseThrow().state());
        assertThat(service.rebuildSnapshot(new CaseId("XF-2026-9999"))).isEmpty();
    }

    @Test
    void storedEventsThatDoNotFormAHistoryAreReportedWhenRebuilding() {
        apply(first, 2);
        // A corrupt store: the first event of the case is missing from its history.
        CaseService corrupt = CaseService.builder(new FeedOverride(store, store) {
            @Override
            public java.util.Optional<io.github.xinfang.persistence.StoredCase> load(String caseId) {
                return store.load(caseId).map(s -> new io.github.xinfang.persistence.StoredCase(s.caseId(), s.version(),
                        s.snapshot(), s.events().subList(1, s.events().size())));
            }
        }, Org.DIRECTORY, clock).build();

        assertThatThrownBy(() -> corrupt.rebuildSnapshot(first)).isInstanceOf(io.github.xinfang.persistence.StoreException.class)
                .hasMessageContaining(first.value()).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    /** The in-memory store with its change feed replaced. */
    static class FeedOverride extends ForwardingStore<InMemoryCaseStore> implements ChangeFeed {
        private final ChangeFeed feed;

        FeedOverride(InMemoryCaseStore store, ChangeFeed feed) {
            super(store);
            this.feed = feed;
        }

        @Override
        public List<Change> changesAfter(long position, int limit) {
            return feed.changesAfter(position, limit);
        }
    }

    @Test
    void aChangeRefusesWhatTheFeedNeverHolds() {
        var events = apply(first, 1).get(0).events();
        assertThatThrownBy(() -> new CaseChange(0, first, 1, events)).hasMessageContaining("position");
        assertThatThrownBy(() -> new CaseChange(1, first, 0, events)).hasMessageContaining("version");
        assertThatThrownBy(() -> new CaseChange(1, first, 1, List.of())).hasMessageContaining("events");
    }
}
