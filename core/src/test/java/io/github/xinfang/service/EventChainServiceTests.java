package io.github.xinfang.service;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.ChainedEvent;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.chain.ChainBreak;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case service links every event it commits into its case's chain, with the digest it is built with. */
class EventChainServiceTests {
    private final TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
    private final CaseId id = new CaseId("XF-2026-0001");

    @Test
    void everyCommittedEventIsLinkedFromTheCaseHeadAndTheHistoryVerifies() {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).build();
        for (CaseCommand c : ChangeFeedFixtures.lifecycle(id)) {
            assertThat(service.handle(c).isApplied()).isTrue();
            StoredCase stored = store.load(id.value()).orElseThrow();
            List<ChainedEvent> chain = store.chainedEventsAfter(id.value(), 0, 1_000);
            assertThat(chain).hasSize(stored.events().size());
            assertThat(stored.chainHead()).isEqualTo(chain.get(chain.size() - 1).link());
            assertThat(ChainVerifier.of(store, EventChain.sha256()).verifyCase(id.value()).intact()).isTrue();
        }
        // A resend is answered from its key and links nothing new.
        long events = store.load(id.value()).orElseThrow().events().size();
        assertThat(service.handle(ChangeFeedFixtures.lifecycle(id).get(1)).isApplied()).isTrue();
        assertThat(store.load(id.value()).orElseThrow().events()).hasSize((int) events);
        assertThat(ChainVerifier.of(store, EventChain.sha256()).verifyStore().intact()).isTrue();
    }

    @Test
    void anSm3ChainVerifiesWithSm3AndNotWithSha256() {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        EventChain sm3 = EventChain.of("SM3", new BouncyCastleProvider());
        CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).eventChain(sm3).build();
        for (CaseCommand c : ChangeFeedFixtures.lifecycle(id).subList(0, 4)) assertThat(service.handle(c).isApplied()).isTrue();

        assertThat(ChainVerifier.of(store, sm3).verifyStore().intact()).isTrue();
        assertThat(ChainVerifier.of(store, EventChain.sha256()).verifyStore().firstBreak())
                .contains(new ChainBreak(id.value(), 1, ChainBreak.Kind.ALTERED));
    }

    @Test
    void aHistoryStoredWithoutLinksStaysUnlinkedUntilItsUpgradeLinksIt() {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        CaseService service = CaseService.builder(store, Org.DIRECTORY, clock).build();
        List<CaseCommand> lifecycle = ChangeFeedFixtures.lifecycle(id);
        assertThat(service.handle(lifecycle.get(0)).isApplied()).isTrue();
        // Rewritten as a release before 0.7 stored it: the same commit without links, in a store of its own.
        InMemoryCaseStore old = InMemoryCaseStore.create();
        StoredCase first = store.load(id.value()).orElseThrow();
        old.commit(new CaseCommit(id.value(), 0, first.events(), first.snapshot(), store.indexRow(id.value()).orElseThrow(),
                "old-key", "old-digest"));
        CaseService upgraded = CaseService.builder(old, Org.DIRECTORY, clock).build();
        assertThat(upgraded.handle(lifecycle.get(1)).isApplied()).isTrue();

        assertThat(old.load(id.value()).orElseThrow().chainHead()).isNull();
        assertThat(ChainVerifier.of(old, EventChain.sha256()).verifyStore().firstBreak())
                .contains(new ChainBreak(id.value(), 1, ChainBreak.Kind.UNCHAINED));
    }

    @Test
    void theChainIsChosenOnceAndNamed() {
        assertThatThrownBy(() -> CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock).eventChain(null))
                .isInstanceOf(NullPointerException.class).hasMessage("chain");
    }
}
