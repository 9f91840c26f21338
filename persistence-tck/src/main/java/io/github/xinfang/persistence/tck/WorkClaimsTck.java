package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.Claim;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.WorkClaims;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The conformance tests of rules W1 to W4 of {@link WorkClaims}, for a store that offers work claims.
 * Implement it with one factory method returning a fresh, empty store (see {@link StoreFactory}). Time is passed
 * to the store as arguments; nothing here reads a clock.
 *
 * @param <S> the adapter's type
 * @since 0.1
 */
public interface WorkClaimsTck<S extends CaseStore & WorkClaims> extends StoreFactory<S> {

    /** W1: due cases without a live lease are claimed up to the limit, earliest attention first. */
    @Test
    default void required_W1_claimsDueCasesEarliestAttentionFirst() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(10, 25), StoredRecordGenerators.attentionInstants(),
                        integers().between(1, 5))
                .checkAssert((commits, dueBefore, limit) -> inFreshStore(this, store -> {
                    commitAll(store, commits);
                    Map<String, Instant> due = new HashMap<>();
                    for (CaseCommit c : lastCommits(commits)) {
                        c.indexRow().nextAttentionAt().filter(at -> at.isBefore(dueBefore))
                                .ifPresent(at -> due.put(c.caseId(), at));
                    }
                    Set<String> claimedSoFar = new HashSet<>();
                    for (String owner : List.of("node-a", "node-b", "node-c")) {
                        List<Claim> claims = store.claimDue(dueBefore, CLAIM_NOW, LEASE, owner, limit);
                        int open = due.size() - claimedSoFar.size();
                        assertThat(claims.size()).as("W1: %s claims min(limit %d, %d due cases without a live lease)",
                                owner, limit, open).isEqualTo(Math.min(limit, open));
                        Instant previous = null;
                        for (Claim claim : claims) {
                            Instant at = due.get(claim.caseId());
                            if (at == null) {
                                throw new AssertionError("W1: " + owner + " claimed case " + claim.caseId()
                                        + ", which is not due before " + dueBefore + " (or has no next attention instant)");
                            }
                            if (!claimedSoFar.add(claim.caseId())) {
                                throw new AssertionError("W2: " + owner + " claimed case " + claim.caseId()
                                        + ", already leased to another node until " + CLAIM_NOW.plus(LEASE));
                            }
                            assertThat(claim).as("W1: a claim names its owner and ends at now + lease")
                                    .isEqualTo(new Claim(claim.caseId(), owner, CLAIM_NOW.plus(LEASE)));
                            if (previous != null && at.isBefore(previous)) {
                                throw new AssertionError("W1: claims must come earliest attention first: case "
                                        + claim.caseId() + " at " + at + " follows a case at " + previous);
                            }
                            previous = at;
                        }
                        for (Map.Entry<String, Instant> e : due.entrySet()) {
                            if (!claimedSoFar.contains(e.getKey()) && previous != null && e.getValue().isBefore(previous)) {
                                throw new AssertionError("W1: " + owner + " claimed a case due at " + previous
                                        + " but left case " + e.getKey() + ", due earlier at " + e.getValue()
                                        + ": claim earliest attention first (ORDER BY next_attention_at)");
                            }
                        }
                    }
                }));
    }

    /** W2: claimants racing for the same due cases never hold the same case at once. */
    @Test
    default void required_W2_twoClaimantsNeverHoldTheSameCase() {
        inFreshStore(this, store -> {
            int cases = 40;
            for (int i = 0; i < cases; i++) {
                commitValid(store, sampleCommit("XF-450821-2024-" + String.format("%06d", i), 0, 1, "c-" + i, i));
            }
            for (int round = 0; round < 3; round++) {
                Instant now = CLAIM_NOW.plus(LEASE.multipliedBy(round));   // each round starts as the previous leases end
                List<List<Claim>> byNode = Race.run(threads(), t -> () -> {
                    List<Claim> mine = new ArrayList<>();
                    for (int i = 0; i <= cases; i++) {
                        List<Claim> got = store.claimDue(FAR, now, LEASE, "node-" + t, 3);
                        if (got.isEmpty()) break;
                        mine.addAll(got);
                    }
                    return mine;
                });
                Map<String, String> holder = new HashMap<>();
                for (List<Claim> claims : byNode) {
                    for (Claim c : claims) {
                        String other = holder.put(c.caseId(), c.owner());
                        if (other != null) {
                            throw new AssertionError("W2: case " + c.caseId() + " was leased to " + other + " and to "
                                    + c.owner() + " at the same instant " + now + ": claim with a conditional update"
                                    + " or SELECT ... FOR UPDATE SKIP LOCKED in the claiming transaction, not a read"
                                    + " followed by a write");
                        }
                    }
                }
                assertThat(holder.size()).as("W1/W4: in round %d every one of the %d due cases is claimed once (leases of"
                        + " the previous round end at %s, which is 'now', so they no longer hold)", round + 1, cases, now)
                        .isEqualTo(cases);
            }
        });
    }

    /** W3: release ends the owner's lease and leaves another owner's alone. */
    @Test
    default void required_W3_releaseEndsOnlyTheOwnersLease() {
        inFreshStore(this, store -> {
            String caseId = "XF-440104-2024-000001";
            commitValid(store, sampleCommit(caseId, 0, 1, "c-0", 0));
            List<Claim> a = store.claimDue(FAR, CLAIM_NOW, LEASE, "node-a", 10);
            assertThat(a).as("W1: the one due case is claimed").extracting(Claim::caseId).containsExactly(caseId);
            assertThat(store.release(caseId, "node-b")).as("W3: release by a node that does not hold the lease returns"
                    + " false").isFalse();
            assertThat(store.claimDue(FAR, CLAIM_NOW, LEASE, "node-b", 10)).as("W3: a lease released by another node still"
                    + " holds").isEmpty();
            assertThat(store.release(caseId, "node-a")).as("W3: release by the holder returns true").isTrue();
            assertThat(store.claimDue(FAR, CLAIM_NOW, LEASE, "node-b", 10)).as("W3: once released the case can be claimed"
                    + " again at once").extracting(Claim::caseId).containsExactly(caseId);
            assertThat(store.release(caseId, "node-a")).as("W3: node-a no longer holds the lease").isFalse();
        });
    }

    /** W4: a lease whose end is at or before now no longer holds. */
    @Test
    default void required_W4_expiredLeaseCanBeClaimedAgain() {
        theory(this).forAll(integers().between(1, 6), integers().between(1, 3_600)).checkAssert((n, leaseSeconds) ->
                inFreshStore(this, store -> {
                    Duration lease = Duration.ofSeconds(leaseSeconds).plusNanos(leaseSeconds * 7L);
                    for (int i = 0; i < n; i++) {
                        commitValid(store, sampleCommit("XF-650102-2024-" + String.format("%06d", i), 0, 1, "c-" + i, i));
                    }
                    assertThat(store.claimDue(FAR, CLAIM_NOW, lease, "node-a", n)).as("W1: all %d due cases", n).hasSize(n);
                    Instant end = CLAIM_NOW.plus(lease);
                    assertThat(store.claimDue(FAR, end.minusNanos(1), lease, "node-b", n)).as("W2/W4: a lease ending at %s"
                            + " still holds one nanosecond before (compare instants exactly)", end).isEmpty();
                    List<Claim> again = store.claimDue(FAR, end, lease, "node-b", n);
                    assertThat(again).as("W4: a lease ending at %s no longer holds at %s (lease end <= now means"
                            + " expired)", end, end).hasSize(n);
                    assertThat(again).as("W4: the new claims end at now + lease").allMatch(c ->
                            c.owner().equals("node-b") && c.leasedUntil().equals(end.plus(lease)));
                }));
    }

    /** W1: a case with no next attention instant, or one not yet due, is never claimed. */
    @Test
    default void required_W1_casesNotDueAreNeverClaimed() {
        inFreshStore(this, store -> {
            CaseCommit template = sampleCommit("XF-110105-2024-000001", 0, 1, "c-1", 1);
            IndexRow noAttention = IndexRow.builder(template.caseId()).version(1).stage("CONCLUDED").regionCode("110105")
                    .build();
            commitValid(store, new CaseCommit(template.caseId(), 0, template.events(), template.snapshot(), noAttention,
                    template.idempotencyKey(), template.commandDigest()));
            CaseCommit later = sampleCommit("XF-110105-2024-000002", 0, 1, "c-2", 2);
            commitValid(store, later);
            Instant at = later.indexRow().nextAttentionAt().orElseThrow();
            assertThat(store.claimDue(at, CLAIM_NOW, LEASE, "node-a", 10)).as("W1: only cases whose next attention instant is"
                    + " strictly before dueBefore, never one without it").isEmpty();
            assertThat(store.claimDue(at.plusNanos(1), CLAIM_NOW, LEASE, "node-a", 10)).as("W1: the case due at %s", at)
                    .extracting(Claim::caseId).containsExactly(later.caseId());
        });
    }
}
