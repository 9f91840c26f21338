package io.github.xinfang.persistence.memory;

import io.github.xinfang.persistence.CaseStore;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

/**
 * The properties can fail: each rule's property, run against a store that breaks that rule the way real
 * adapters do ({@link BrokenCaseStores}), finds a falsifying commit sequence.
 */
class BrokenCaseStoreTests {

    /** Finding a falsifying sequence is the point here; a short shrink keeps the run fast. */
    private static final int SHRINK_CYCLES = 20;

    @Test
    void s1_catchesAStoreThatDropsEmojiFromPayloads() {
        assertCaught(BrokenCaseStores::dropsSupplementaryCharacters,
                CaseStoreContract::s1_storedRecordsComeBackByteForByte);
    }

    @Test
    void s2_catchesAStoreThatWritesTheIndexRowOutsideTheCommit() {
        assertCaught(BrokenCaseStores::writesIndexRowOutsideTheCommit, CaseStoreContract::s2_commitIsAtomic);
    }

    @Test
    void s3_catchesALastWriterWinsStore() {
        assertCaught(BrokenCaseStores::lastWriterWins, CaseStoreContract::s3_staleVersionFailsAndChangesNothing);
    }

    @Test
    void s4_catchesAStoreThatRenumbersEvents() {
        assertCaught(BrokenCaseStores::renumbersEvents, CaseStoreContract::s4_sequencesContinueWithoutGaps);
    }

    @Test
    void s5_catchesAStoreWhoseKeysAreUniqueAcrossCases() {
        assertCaught(BrokenCaseStores::keysUniqueAcrossCases,
                CaseStoreContract::s5_duplicateKeyIsRefusedAndLookupReturnsTheCommit);
    }

    @Test
    void s6_catchesAStoreThatOrdersHistoryByTime() {
        assertCaught(BrokenCaseStores::ordersHistoryByTime,
                CaseStoreContract::s6_loadReturnsLatestVersionAndWholeHistory);
    }

    @Test
    void s7_catchesAStoreThatKeepsTheFirstIndexRow() {
        assertCaught(BrokenCaseStores::keepsFirstIndexRow, CaseStoreContract::s7_indexRowIsTheLastCommitted);
    }

    private static void assertCaught(Supplier<CaseStore> broken, Consumer<CaseStoreContract> rule) {
        assertThatThrownBy(() -> rule.accept(new CaseStoreContract(broken, () -> qt().withShrinkCycles(SHRINK_CYCLES))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Property falsified");
    }
}
