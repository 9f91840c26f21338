package io.github.xinfang.service;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Withheld;
import io.github.xinfang.privacy.DataKey;
import io.github.xinfang.privacy.InMemoryKeyProvider;
import io.github.xinfang.privacy.PersonalDataCipher;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The service's cache of decoded states changes no answer: three services over one store (two caching, one not, as
 * three nodes of a portal) take a case's commands in a generated interleaving, each also resending commands already
 * applied, and every answer, the stored history and the final state are those of one service without a cache; a
 * command on a case another node changed since is decided on the stored state, not the cached one.
 */
class StateCacheProperties {
    private static final CaseId ID = new CaseId("XF-2026-0001");

    @Test
    void interleavedCachingServicesAnswerAsOneServiceWithoutACache() {
        qt().withExamples(150).forAll(lists().of(integers().between(0, 5)).ofSizeBetween(14, 40)).checkAssert(choices -> {
            List<CaseCommand> lifecycle = ChangeFeedFixtures.lifecycle(ID);
            // the reference: one service without a cache, every command once, with the same resends
            InMemoryCaseStore reference = InMemoryCaseStore.create();
            CaseService alone = CaseService.builder(reference, Org.DIRECTORY, TestClock.at("2026-06-30T02:00:00Z")).stateCache(0).build();
            InMemoryCaseStore shared = InMemoryCaseStore.create();
            TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
            List<CaseService> nodes = List.of(
                    CaseService.builder(shared, Org.DIRECTORY, clock).build(),
                    CaseService.builder(shared, Org.DIRECTORY, clock).stateCache(1).build(),
                    CaseService.builder(shared, Org.DIRECTORY, clock).stateCache(0).build());
            int next = 0;
            for (int choice : choices) {
                // 0-2: the next command on node 0, 1 or 2; 3-5: a resend of the last one applied, on node choice - 3
                CaseCommand command;
                if (choice < 3) {
                    if (next == lifecycle.size()) continue;
                    command = lifecycle.get(next++);
                } else {
                    if (next == 0) continue;
                    command = lifecycle.get(next - 1);
                }
                CommandResult expected = alone.handle(command);
                CommandResult actual = nodes.get(choice % 3).handle(command);
                assertThat(actual).as("%s on node %d", command.getClass().getSimpleName(), choice % 3).isEqualTo(expected);
            }
            if (next == 0) return;   // every choice was a resend before any command: nothing was stored
            StoredCase a = reference.load(ID.value()).orElseThrow();
            StoredCase b = shared.load(ID.value()).orElseThrow();
            assertThat(b.version()).isEqualTo(a.version());
            assertThat(b.events()).isEqualTo(a.events());
            assertThat(b.snapshot()).isEqualTo(a.snapshot());
            assertThat(nodes.get(0).rebuildSnapshot(ID)).contains(alone.history(ID).orElseThrow().state());
        });
    }

    @Test
    void aCommandOnACaseChangedByAnotherNodeIsDecidedOnTheStoredStateAndTheNextOneHitsTheCache() {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
        CaseService one = CaseService.builder(store, Org.DIRECTORY, clock).build();
        CaseService two = CaseService.builder(store, Org.DIRECTORY, clock).build();
        List<CaseCommand> lifecycle = ChangeFeedFixtures.lifecycle(ID);
        assertThat(one.handle(lifecycle.get(0)).isApplied()).isTrue();   // register: one caches version 1
        assertThat(two.handle(lifecycle.get(1)).isApplied()).isTrue();   // route on the other node: version 2
        long hits = one.stateCacheHits();
        // one's entry is for version 1: a miss, decided on version 2 (informing needs the case routed)
        assertThat(one.handle(lifecycle.get(2))).isInstanceOf(CommandResult.Applied.class)
                .satisfies(r -> assertThat(((CommandResult.Applied) r).version()).isEqualTo(3));
        assertThat(one.stateCacheHits()).isEqualTo(hits);
        assertThat(one.handle(lifecycle.get(3)).isApplied()).isTrue();   // its own commit is cached: a hit
        assertThat(one.stateCacheHits()).isEqualTo(hits + 1);
    }

    @Test
    void aKeyDestroyedOnAnotherNodeIsHonouredByANodeThatCachedTheClearState() {
        InMemoryCaseStore store = InMemoryCaseStore.create();
        InMemoryKeyProvider keys = InMemoryKeyProvider.create(PersonalDataCipher.aesGcm());
        TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
        CaseService one = CaseService.builder(store, Org.DIRECTORY, clock).personalData(keys).build();
        CaseService two = CaseService.builder(store, Org.DIRECTORY, clock).personalData(keys).build();
        List<CaseCommand> lifecycle = ChangeFeedFixtures.lifecycle(ID);
        assertThat(one.handle(lifecycle.get(0)).isApplied()).isTrue();   // one holds the petitioner's name in clear
        two.erasePersonalData(DataKey.petitioner(ID, 0));
        assertThat(one.handle(lifecycle.get(1)).isApplied()).isTrue();   // decoded afresh, not refused
        assertThat(one.history(ID).orElseThrow().state().petition().petitioners().get(0).name().withheld()).contains(Withheld.ERASED);
        List<String> payloads = new ArrayList<>();
        store.load(ID.value()).orElseThrow().events().forEach(e -> payloads.add(e.payload()));
        assertThat(payloads).noneMatch(p -> p.contains("测试甲"));
    }
}
