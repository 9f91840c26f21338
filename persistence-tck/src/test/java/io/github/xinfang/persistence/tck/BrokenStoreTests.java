package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.tck.BrokenStores.Forwarding;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The kit tests itself: every deliberately broken store of {@link BrokenStores} makes the suite method for
 * the rule it breaks fail, with a message naming the rule and saying what to check (so does every failing view of
 * {@link FailingStores}); an honest narrow store passes with its capability hook off, and a store with fewer ports
 * runs the interfaces of the ports it has.
 */
class BrokenStoreTests {

    @Test
    void aStoreThatLosesConcurrentUpdatesFailsS3OnOneCase() {
        assertKitFails(() -> kit(BrokenStores::losesConcurrentUpdates).required_S3_concurrentWritersOnOneCase(),
                "S3:", "both succeeded", "atomic with the write");
    }

    @Test
    void aStoreThatLosesConcurrentUpdatesFailsS3OnManyCases() {
        // A race: on a loaded two-core machine one run of the writers may happen not to interleave, so up to five runs
        Throwable failure = null;
        for (int run = 0; run < 5 && failure == null; run++) {
            failure = catchThrowable(() -> kit(BrokenStores::losesConcurrentUpdates).required_S3_concurrentWritersOnManyCases());
        }
        Throwable found = failure;
        assertKitFails(() -> {
            if (found instanceof Error e) throw e;
            if (found instanceof RuntimeException r) throw r;
        }, "S3:", "atomic with the write");
    }

    @Test
    void aStoreThatWritesTheIndexRowInASecondStepFailsS2() {
        assertKitFails(() -> kit(BrokenStores::writesIndexRowInASecondStep).required_S2_readersNeverSeePartOfACommit(),
                "S2:", "index row version", "one transaction");
    }

    @Test
    void aStoreThatPagesWithOffsetsFailsQ2() {
        assertKitFails(() -> kit(BrokenStores::pagesWithOffsets)
                        .required_Q2_keysetPagingReturnsEachUnchangedRowOnceWhileWritesHappenBetweenPages(),
                "Q2:", "keyset");
    }

    @Test
    void aStoreThatReordersTheFeedFailsF2AndF3() {
        assertKitFails(() -> kit(BrokenStores::reordersTheFeed).required_F2_changesFollowCommitOrder(),
                "F2:", "order by position");
        assertKitFails(() -> kit(BrokenStores::reordersTheFeed).required_F3_readingAfterAPosition(),
                "F3:", "ascending by position");
    }

    @Test
    void aStoreThatNormalisesJsonFailsS1AndF4() {
        assertKitFails(() -> kit(BrokenStores::normalisesJson).required_S1_storedRecordsComeBackByteForByte(),
                "S1:", "byte for byte", "jsonb");
        assertKitFails(() -> kit(BrokenStores::normalisesJson).required_F4_changesCarryTheCommitsEventsByteForByte(),
                "F4:", "byte for byte");
    }

    @Test
    void aStoreThatDropsSupplementaryCharactersFailsS1() {
        assertKitFails(() -> kit(BrokenStores::dropsSupplementaryCharacters).required_S1_storedRecordsComeBackByteForByte(),
                "S1:", "utf8mb4");
    }

    @Test
    void aStoreWithKeysUniqueAcrossCasesFailsS5() {
        assertKitFails(() -> kit(BrokenStores::keysUniqueAcrossCases).required_S5_idempotencyLookups(),
                "S5:", "unique per case");
    }

    @Test
    void aStoreThatClaimsWithoutALockFailsW2() {
        assertKitFails(() -> kit(BrokenStores::claimsWithoutALock).required_W2_twoClaimantsNeverHoldTheSameCase(),
                "W2:", "SKIP LOCKED");
    }

    @Test
    void aStoreThatHoldsALeaseAtItsEndFailsW4() {
        assertKitFails(() -> kit(BrokenStores::leaseHeldAtItsEnd).required_W4_expiredLeaseCanBeClaimedAgain(),
                "W4:", "no longer holds");
    }

    @Test
    void aStoreThatDropsLinksFailsS9() {
        assertKitFails(() -> kit(BrokenStores::dropsLinks).required_S9_linksComeBackByteForByteWithTheirEventsAndKeys(),
                "S9:", "link");
        assertKitFails(() -> kit(BrokenStores::dropsLinks).required_S9_theVerifierFindsAChainedHistoryIntact(),
                "S9:", "links or keys do not come back as committed");
    }

    @Test
    void aStoreWhoseChainWalkIgnoresTheSequenceFailsS9() {
        assertKitFails(() -> kit(BrokenStores::walksFromEachCasesStart).required_S9_linksComeBackByteForByteWithTheirEventsAndKeys(),
                "S9:", "every stored event once, in case id then sequence order");
    }

    @Test
    void anAuditTrailListingActorsByPrefixFailsA3() {
        assertKitFails(() -> auditKit(BrokenStores::listsActorsByPrefix).required_A1_A2_A3_A4_recordsListingsAndPurgesAnswerAsTheModel(),
                "A3:", "never a prefix match");
    }

    @Test
    void anAuditTrailPurgingTheCutoffItselfFailsA4() {
        assertKitFails(() -> auditKit(BrokenStores::purgesTheCutoffToo).required_A1_A2_A3_A4_recordsListingsAndPurgesAnswerAsTheModel(),
                "A4:", "before the cutoff");
    }

    /** The audit suite over the stores a factory makes. */
    private static AccessAuditTck<BrokenStores.AuditForwarding> auditKit(Supplier<BrokenStores.AuditForwarding> factory) {
        return factory::get;
    }

    @Test
    void aNarrowStoreThatRefusesRegionFiltersPassesQ1WithItsHookOff() {
        narrowQuery(BrokenStores::refusesRegionFilter).required_Q1_sameRowsSameOrderAsTheReference();
        narrowQuery(BrokenStores::refusesRegionFilter)
                .required_Q2_keysetPagingReturnsEachUnchangedRowOnceWhileWritesHappenBetweenPages();
    }

    @Test
    void aNarrowStoreThatIgnoresRegionFiltersFailsQ1() {
        assertKitFails(() -> narrowQuery(BrokenStores::ignoresRegionFilter).required_Q1_sameRowsSameOrderAsTheReference(),
                "Q1:", "supportsRegionFilter() is false", "UnsupportedOperationException");
        assertKitFails(() -> kit(BrokenStores::ignoresRegionFilter).required_Q1_sameRowsSameOrderAsTheReference(),
                "Q1:", "in order");
    }

    @Test
    void aStoreThatListsWithOffsetsFailsM1() {
        assertKitFails(() -> kit(BrokenStores::listsWithOffsets).required_M1_listsEveryCaseOnceInOrder(),
                "M1:", "never with OFFSET");
    }

    @Test
    void aStoreThatReplacesAtAnyVersionFailsM2() {
        assertKitFails(() -> kit(BrokenStores::replacesAtAnyVersion).required_M2_replacesOnlyAtTheStoredVersion(),
                "M2:", "changes nothing and answers false", "AND version = ?");
    }

    @Test
    void aStoreThatKeepsOldChildRowsFailsM2() {
        assertKitFails(() -> kit(BrokenStores::keepsOldChildRows).required_M2_replacesOnlyAtTheStoredVersion(),
                "M2:", "replace the child rows too");
    }

    @Test
    void aStoreThatFeedsReplacementsFailsM2() {
        assertKitFails(() -> kit(BrokenStores::feedsReplacements).required_M2_replacesOnlyAtTheStoredVersion(),
                "M2:", "never writes to the change feed");
    }

    @Test
    void aStoreWithoutIndexMaintenanceRunsTheInterfacesOfItsFourPorts() {
        // a store without the later, optional ports implements only the interfaces of the ports it has
        class FourPortsTests implements CaseStoreTck<BrokenStores.FourPorts>, ChangeFeedTck<BrokenStores.FourPorts>,
                CaseQueryTck<BrokenStores.FourPorts>, WorkClaimsTck<BrokenStores.FourPorts> {
            @Override
            public BrokenStores.FourPorts newStore() {
                return new BrokenStores.FourPorts();
            }
        }
        new FourPortsTests().required_S7_indexRowIsTheLatestCommitted();
        new FourPortsTests().required_Q3_aQueryAfterACommitSeesItsRow();
    }

    @Test
    void aStoreThatPagesListingsWithOffsetsFailsR5() {
        assertKitFails(() -> kit(BrokenStores::pagesListingsWithOffsets)
                        .required_R5_keysetPagingReturnsEachUnchangedRowOnceWhileWritesHappenBetweenPages(),
                "R5:", "keyset", "never with OFFSET");
    }

    @Test
    void aStoreThatKeepsCasesInTheirOldLeadersIndexFailsR1AndR4() {
        assertKitFails(() -> kit(BrokenStores::keepsCasesInTheirOldLeadersIndex)
                        .required_R1_byActiveLeaderPagesEqualABruteForceOverTheRowsWritten(),
                "R1:", "whose active leader is", "leaves the index of its old active leader");
        assertKitFails(() -> kit(BrokenStores::keepsCasesInTheirOldLeadersIndex)
                        .required_R4_workloadCountsActiveAndOverdueCasesAsABruteForce(),
                "R4:", "active cases", "out of its old leader's index");
        assertKitFails(() -> kit(BrokenStores::keepsCasesInTheirOldLeadersIndex)
                        .required_R6_aQueryAfterACommitSeesItsRow(),
                "R6:", "still returned it");
    }

    @Test
    void aStoreThatCountsOverdueWithLessThanFailsR4() {
        assertKitFails(() -> kit(BrokenStores::countsOverdueWithLessThan)
                        .required_R4_workloadCountsActiveAndOverdueCasesAsABruteForce(),
                "R4:", "overdue", "due exactly at", "earliest_due_at <= ?, not <");
    }

    @Test
    void aStoreThatOrdersCaseIdsIgnoringCaseFailsR2() {
        assertKitFails(() -> kit(BrokenStores::ordersCaseIdsIgnoringCase)
                        .required_R2_byLeadUnitPagesEqualABruteForceOverTheRowsWritten(),
                "R2:", "byLeadUnit(");
    }

    @Test
    void aStoreWhoseResolutionQueriesIgnoreReplacedRowsFailsM2() {
        assertKitFails(() -> kit(BrokenStores::resolutionQueriesIgnoreReplacedRows)
                        .required_M2_replacesOnlyAtTheStoredVersion(),
                "M2:", "the resolution queries must see the replaced row");
    }

    @Test
    void aStoreThatAcceptsLimitsBelowOneFailsR7() {
        assertKitFails(() -> kit(BrokenStores::acceptsLimitsBelowOne).required_R7_badArgumentsAreRefused(),
                "R7:", "byBatch(batch, null, ", "IllegalArgumentException");
    }

    @Test
    void aStoreWithoutResolutionQueryRunsTheInterfacesOfItsFivePorts() {
        class FivePortsTests implements CaseStoreTck<BrokenStores.FivePorts>, ChangeFeedTck<BrokenStores.FivePorts>,
                CaseQueryTck<BrokenStores.FivePorts>, WorkClaimsTck<BrokenStores.FivePorts>,
                IndexMaintenanceTck<BrokenStores.FivePorts> {
            @Override
            public BrokenStores.FivePorts newStore() {
                return new BrokenStores.FivePorts();
            }
        }
        new FivePortsTests().required_S7_indexRowIsTheLatestCommitted();
        new FivePortsTests().required_M2_replacesOnlyAtTheStoredVersion();
    }

    @Test
    void aStoreWithTheFourPortsAndResolutionQueriesRunsTheirInterfaces() {
        class FourPortsAndResolutionTests implements CaseStoreTck<Forwarding>, ChangeFeedTck<Forwarding>,
                CaseQueryTck<Forwarding>, WorkClaimsTck<Forwarding>, ResolutionQueryTck<Forwarding> {
            private final Supplier<Forwarding> factory;

            FourPortsAndResolutionTests(Supplier<Forwarding> factory) {
                this.factory = factory;
            }

            @Override
            public Forwarding newStore() {
                return factory.get();
            }
        }
        new FourPortsAndResolutionTests(Forwarding::new).required_Q3_aQueryAfterACommitSeesItsRow();
        new FourPortsAndResolutionTests(Forwarding::new).required_R6_aQueryAfterACommitSeesItsRow();
        assertKitFails(() -> new FourPortsAndResolutionTests(BrokenStores::countsOverdueWithLessThan)
                .required_R4_workloadCountsActiveAndOverdueCasesAsABruteForce(), "R4:");
    }

    @Test
    void aStoreThatHalfWritesACommitWhenItsConnectionFailsFailsS8() {
        assertKitFails(() -> failing(FailingStores::halfWritesOnFailure)
                        .required_S8_failuresAreStoreExceptionsAndLeaveNothingHalfWritten(),
                "S8:", "left part of itself behind", "roll the transaction back");
    }

    @Test
    void aStoreThatLetsTheDriversExceptionsEscapeFailsS8() {
        assertKitFails(() -> failing(FailingStores::leaksDriverExceptions)
                        .required_S8_failuresAreStoreExceptionsAndLeaveNothingHalfWritten(),
                "S8:", "not a StoreException", "with the cause");
    }

    @Test
    void aFailureHookWhoseStoreNeverFailsIsCaughtByS8() {
        assertKitFails(() -> failing((store, operations) -> store)
                        .required_S8_failuresAreStoreExceptionsAndLeaveNothingHalfWritten(),
                "S8:", "must fail at its first operation");
    }

    @Test
    void withoutAFailureHookS8IsSkippedSayingWhy() {
        Throwable skipped = catchThrowable(() -> kit(Forwarding::new)
                .required_S8_failuresAreStoreExceptionsAndLeaveNothingHalfWritten());
        assertThat(skipped).as("S8 is skipped by an assumption, not passed silently")
                .isInstanceOf(TestAbortedException.class);
        assertThat(skipped.getMessage()).contains("S8 skipped", "storeFailingAfter");
    }

    @Test
    void aStoreThatMissesAnEventRecordedExactlyAtSinceFailsP1() {
        assertKitFails(() -> kit(BrokenStores::reportsEventsAfterSinceOnly)
                .required_P1_P2_P3_P4_touchingPagesEqualABruteForceOverTheCasesWritten(), "P1:");
    }

    @Test
    void aStoreThatForgetsOpenCasesWithNothingRecordedFailsP1() {
        assertKitFails(() -> kit(BrokenStores::reportsWithoutOpenDuties)
                .required_P1_P2_P3_P4_touchingPagesEqualABruteForceOverTheCasesWritten(), "P1:");
    }

    @Test
    void aStoreThatMissesCasesPetitionedOnTheWindowsFirstDayFailsC1() {
        assertKitFails(() -> kit(BrokenStores::listsTaggedCasesAfterTheDayOnly)
                .required_C1_C2_C3_C4_taggedPagesEqualABruteForceOverTheRowsWritten(), "C1:");
    }

    @Test
    void aStoreThatRecordsEveryWarningFailsK1() {
        assertKitFails(() -> kit(BrokenStores::raisesEveryWarning)
                .required_K1_K2_K3_K4_raisingAnswersAsTheModelAndListingsEqualIt(), "K1:");
        assertKitFails(() -> kit(BrokenStores::raisesEveryWarning)
                .required_K1_concurrentRaisersOfOneWarningRecordItOnce(), "K1:");
    }

    @Test
    void aStoreThatFindsLevelsByIdPrefixFailsK1OrK4() {
        Throwable failure = catchThrowable(() -> kit(BrokenStores::findsLevelsByIdPrefix)
                .required_K1_K2_K3_K4_raisingAnswersAsTheModelAndListingsEqualIt());
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).containsAnyOf("K1:", "K4:");
    }

    @Test
    void aStoreThatListsOverdueWithLessThanFailsO1() {
        assertKitFails(() -> kit(BrokenStores::listsOverdueWithLessThan)
                .required_O1_O2_O3_overduePagesAndCountsEqualTheModelOverTheRowsWritten(), "O1:", "due_at <= ?");
    }

    @Test
    void aStoreThatCountsOverdueFromTheEarliestDueColumnFailsO3() {
        assertKitFails(() -> kit(BrokenStores::countsOverdueFromTheEarliestDueColumn)
                .required_O1_O2_O3_overduePagesAndCountsEqualTheModelOverTheRowsWritten(), "O3:", "countOverdue");
    }

    @Test
    void aStoreThatFiltersTheScopeAfterTheQueryFailsQ4OrO7() {
        Throwable failure = catchThrowable(() -> kit(BrokenStores::postFiltersTheScope)
                .required_Q4_O7_R8_P6_C6_scopedQueriesAnswerExactlyTheRowsInTheScope());
        assertThat(failure).as("the kit must fail on this broken store").isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).containsAnyOf("Q4:", "O7:").contains("before the limit");
    }

    @Test
    void aStoreThatShowsTheAccusedTheirAccusationFailsQ4OrO7() {
        Throwable failure = catchThrowable(() -> kit(BrokenStores::ignoresTheAccused)
                .required_Q4_O7_anAccusedPartyNeverSeesTheAccusation());
        assertThat(failure).as("the kit must fail on this broken store").isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).containsAnyOf("Q4:", "O7:");
    }

    @Test
    void theReferenceStorePassesTheSuitesTheBrokenStoresFail() {
        // the same suite objects, given a correct store, pass: the failures above come from the flaws
        kit(BrokenStores.Forwarding::new).required_S3_concurrentWritersOnOneCase();
        kit(BrokenStores.Forwarding::new).required_S2_readersNeverSeePartOfACommit();
        kit(BrokenStores.Forwarding::new).required_Q2_keysetPagingReturnsEachUnchangedRowOnceWhileWritesHappenBetweenPages();
        kit(BrokenStores.Forwarding::new).required_F2_changesFollowCommitOrder();
        kit(BrokenStores.Forwarding::new).required_W2_twoClaimantsNeverHoldTheSameCase();
        kit(BrokenStores.Forwarding::new).required_M1_listsEveryCaseOnceInOrder();
        kit(BrokenStores.Forwarding::new).required_M2_replacesOnlyAtTheStoredVersion();
        kit(BrokenStores.Forwarding::new).required_R1_byActiveLeaderPagesEqualABruteForceOverTheRowsWritten();
        kit(BrokenStores.Forwarding::new).required_R2_byLeadUnitPagesEqualABruteForceOverTheRowsWritten();
        kit(BrokenStores.Forwarding::new).required_R4_workloadCountsActiveAndOverdueCasesAsABruteForce();
        kit(BrokenStores.Forwarding::new).required_R5_keysetPagingReturnsEachUnchangedRowOnceWhileWritesHappenBetweenPages();
        kit(BrokenStores.Forwarding::new).required_R6_aQueryAfterACommitSeesItsRow();
        kit(BrokenStores.Forwarding::new).required_R7_badArgumentsAreRefused();
        kit(BrokenStores.Forwarding::new).required_O1_O2_O3_overduePagesAndCountsEqualTheModelOverTheRowsWritten();
        kit(BrokenStores.Forwarding::new).required_O4_keysetPagingReturnsEachUnchangedRowOnceWhileWritesHappenBetweenPages();
        kit(BrokenStores.Forwarding::new).required_O5_aQueryAfterACommitSeesItsRow();
        kit(BrokenStores.Forwarding::new).required_O6_badArgumentsAreRefused();
        kit(BrokenStores.Forwarding::new).required_C1_C2_C3_C4_taggedPagesEqualABruteForceOverTheRowsWritten();
        kit(BrokenStores.Forwarding::new).required_K1_K2_K3_K4_raisingAnswersAsTheModelAndListingsEqualIt();
        kit(BrokenStores.Forwarding::new).required_K1_concurrentRaisersOfOneWarningRecordItOnce();
        kit(BrokenStores.Forwarding::new).required_Q4_O7_R8_P6_C6_scopedQueriesAnswerExactlyTheRowsInTheScope();
        kit(BrokenStores.Forwarding::new).required_Q4_O7_anAccusedPartyNeverSeesTheAccusation();
        failing(FailingStores::failingAfter).required_S8_failuresAreStoreExceptionsAndLeaveNothingHalfWritten();
    }

    private static void assertKitFails(Runnable suiteMethod, String... messageParts) {
        Throwable failure = catchThrowable(suiteMethod::run);
        assertThat(failure).as("the kit must fail on this broken store").isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage()).as("the kit's failure names the rule and says what to check")
                .contains(messageParts);
    }

    /** @return every suite of the kit, over the stores {@code factory} makes */
    private static Kit kit(Supplier<Forwarding> factory) {
        return new Kit(factory);
    }

    /** A store whose failure hook gives the view {@code failing} makes of it. */
    private static Kit failing(BiFunction<Forwarding, Integer, Forwarding> failing) {
        return new Kit(Forwarding::new) {
            @Override
            public Optional<Forwarding> storeFailingAfter(Forwarding store, int operations) {
                return Optional.of(failing.apply(store, operations));
            }
        };
    }

    /** The query suite with its region-filter hook off. */
    private static Kit narrowQuery(Supplier<Forwarding> factory) {
        return new Kit(factory) {
            @Override
            public boolean supportsRegionFilter() {
                return false;
            }
        };
    }

    /** Every suite of the kit over the stores a factory makes; a subclass sets the hooks it tests. */
    private static class Kit implements CaseStoreTck<Forwarding>, ChangeFeedTck<Forwarding>, CaseQueryTck<Forwarding>,
            WorkClaimsTck<Forwarding>, IndexMaintenanceTck<Forwarding>, ResolutionQueryTck<Forwarding>,
            OverdueQueryTck<Forwarding>, ReportQueryTck<Forwarding>, ClusterQueryTck<Forwarding>, ClusterWarningsTck<Forwarding>,
            EventChainTck<Forwarding>, AccessScopeTck<Forwarding> {
        private final Supplier<Forwarding> factory;

        Kit(Supplier<Forwarding> factory) {
            this.factory = factory;
        }

        @Override
        public Forwarding newStore() {
            return factory.get();
        }
    }
}
