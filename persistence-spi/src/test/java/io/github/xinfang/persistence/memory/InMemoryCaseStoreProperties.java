package io.github.xinfang.persistence.memory;

import org.junit.jupiter.api.Test;

/**
 * The in-memory store against the rules of {@link io.github.xinfang.persistence.CaseStore}, one
 * model-based property per rule (1,000 random commit sequences each by default; {@code -DQT_EXAMPLES=…}
 * scales it). {@link BrokenCaseStoreTests} shows each property failing on a store that breaks its rule.
 */
class InMemoryCaseStoreProperties {

    private final CaseStoreContract contract = new CaseStoreContract(InMemoryCaseStore::create);

    @Test
    void s1_storedRecordsComeBackByteForByte() {
        contract.s1_storedRecordsComeBackByteForByte();
    }

    @Test
    void s2_commitIsAtomic() {
        contract.s2_commitIsAtomic();
    }

    @Test
    void s3_staleVersionFailsAndChangesNothing() {
        contract.s3_staleVersionFailsAndChangesNothing();
    }

    @Test
    void s4_sequencesContinueWithoutGaps() {
        contract.s4_sequencesContinueWithoutGaps();
    }

    @Test
    void s5_duplicateKeyIsRefusedAndLookupReturnsTheCommit() {
        contract.s5_duplicateKeyIsRefusedAndLookupReturnsTheCommit();
    }

    @Test
    void s6_loadReturnsLatestVersionAndWholeHistory() {
        contract.s6_loadReturnsLatestVersionAndWholeHistory();
    }

    @Test
    void s7_indexRowIsTheLastCommitted() {
        contract.s7_indexRowIsTheLastCommitted();
    }
}
