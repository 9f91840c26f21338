package io.github.xinfang.persistence.tck;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ChainedEvent;
import io.github.xinfang.persistence.DuplicateCommandException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.VersionConflictException;
import io.github.xinfang.persistence.chain.ChainBreak;
import io.github.xinfang.persistence.chain.ChainCheckpoint;
import io.github.xinfang.persistence.chain.ChainReport;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.CheckpointSigner;
import io.github.xinfang.persistence.chain.EventChain;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

import static io.github.xinfang.persistence.tck.StoreSuite.*;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The conformance tests of rule S9 of {@link CaseStore}, for a store that keeps the event chain
 * ({@link CaseStore#keepsEventChain()}): links come back byte for byte with their events and their commit's key, the
 * chain head is the last link, the keyset walk of {@link CaseStore#chainedEventsAfter} returns every event once in
 * order, a refused commit stores no link, and the {@link ChainVerifier} finds a history the case service chained intact,
 * with and without a signed checkpoint. Implement it with one factory method returning a fresh, empty store (see
 * {@link StoreFactory}).
 *
 * @param <S> the adapter's type
 * @since 0.7
 */
public interface EventChainTck<S extends CaseStore> extends StoreFactory<S> {

    /**
     * Gives generated commits chain links as the case service does: each case's commits chained from its head, except
     * the commits a choice marks, which are stored unchained, as are the later commits of their case.
     */
    private static List<CaseCommit> chained(List<CaseCommit> commits, int unchainedEvery) {
        EventChain chain = EventChain.sha256();
        Map<String, String> heads = new HashMap<>();
        Map<String, Boolean> broken = new HashMap<>();
        List<CaseCommit> out = new ArrayList<>(commits.size());
        for (int i = 0; i < commits.size(); i++) {
            CaseCommit c = commits.get(i);
            if (unchainedEvery > 0 && i % unchainedEvery == unchainedEvery - 1) broken.put(c.caseId(), true);
            if (broken.getOrDefault(c.caseId(), false)) {
                out.add(c);
                continue;
            }
            List<String> links = new ArrayList<>();
            String previous = heads.get(c.caseId());
            for (StoredEvent e : c.events()) {
                previous = chain.link(previous, e, c.idempotencyKey());
                links.add(previous);
            }
            heads.put(c.caseId(), previous);
            out.add(new CaseCommit(c.caseId(), c.expectedVersion(), c.events(), c.snapshot(), c.indexRow(),
                    c.idempotencyKey(), c.commandDigest(), links));
        }
        return out;
    }

    /** Every event of the commits with its key and link, in case id then sequence order: the walk a store must give. */
    private static List<ChainedEvent> expectedWalk(List<CaseCommit> commits) {
        List<ChainedEvent> all = new ArrayList<>();
        for (CaseCommit c : commits) {
            for (int i = 0; i < c.events().size(); i++) all.add(new ChainedEvent(c.events().get(i), c.idempotencyKey(), c.linkAt(i)));
        }
        all.sort(Comparator.comparing((ChainedEvent e) -> e.event().caseId()).thenComparingLong(e -> e.event().sequence()));
        return all;
    }

    private static List<ChainedEvent> walk(CaseStore store, String caseId, long sequence, int limit, int expectedSize) {
        List<ChainedEvent> got = new ArrayList<>();
        for (int page = 0; page <= expectedSize + 1; page++) {
            List<ChainedEvent> next = store.chainedEventsAfter(caseId, sequence, limit);
            if (next.size() > limit) {
                throw new AssertionError("S9: chainedEventsAfter(…, " + limit + ") returned " + next.size() + " events");
            }
            if (next.isEmpty()) break;
            got.addAll(next);
            StoredEvent last = next.get(next.size() - 1).event();
            caseId = last.caseId();
            sequence = last.sequence();
        }
        return got;
    }

    /** S9: links, keys and events come back byte for byte; the head is the last link; the walk is complete and ordered. */
    @Test
    default void required_S9_linksComeBackByteForByteWithTheirEventsAndKeys() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(4, 12), integers().between(0, 5), integers().between(1, 7))
                .checkAssert((generated, unchainedEvery, limit) -> inFreshStore(this, store -> {
                    if (!store.keepsEventChain()) throw new AssertionError("S9: keepsEventChain() is false for a store the chain kit tests");
                    List<CaseCommit> commits = chained(generated, unchainedEvery);
                    commitAll(store, commits);
                    for (CaseCommit last : lastCommits(commits)) {
                        StoredCase loaded = store.load(last.caseId()).orElseThrow(() -> new AssertionError("S6: case "
                                + last.caseId() + " was committed but does not load"));
                        String head = last.linkAt(last.events().size() - 1);
                        if (!java.util.Objects.equals(loaded.chainHead(), head)) {
                            throw new AssertionError("S9: load(\"" + last.caseId() + "\").chainHead() was " + loaded.chainHead()
                                    + " where " + head + " was due (the link of the case's last event, null if it was committed unchained)");
                        }
                    }
                    List<ChainedEvent> expected = expectedWalk(commits);
                    List<ChainedEvent> all = walk(store, "", 0, limit, expected.size());
                    if (!all.equals(expected)) {
                        throw new AssertionError("S9: the walk of chainedEventsAfter(\"\", 0, " + limit + ") page by page returned "
                                + all.size() + " events where " + expected.size() + " were due, or other ones: every stored event"
                                + " once, in case id then sequence order, with its commit's key and its link byte for byte"
                                + (all.size() == expected.size() ? firstDifference(all, expected) : ""));
                    }
                    ChainedEvent middle = expected.get(expected.size() / 2);
                    List<ChainedEvent> tail = expected.subList(expected.size() / 2 + 1, expected.size());
                    List<ChainedEvent> fromMiddle = walk(store, middle.event().caseId(), middle.event().sequence(), limit, tail.size());
                    if (!fromMiddle.equals(tail)) {
                        throw new AssertionError("S9: the walk after (" + middle.event().caseId() + ", " + middle.event().sequence()
                                + ") returned " + fromMiddle.size() + " events where the " + tail.size() + " after that position were due");
                    }
                }));
    }

    private static String firstDifference(List<ChainedEvent> actual, List<ChainedEvent> expected) {
        for (int i = 0; i < actual.size(); i++) {
            if (!actual.get(i).equals(expected.get(i))) return "; first difference at " + i + ": " + actual.get(i) + " vs " + expected.get(i);
        }
        return "";
    }

    /** S9: a refused commit (stale version, repeated key) stores no link; the stored links stay the first commit's. */
    @Test
    default void required_S9_refusedCommitsStoreNoLink() {
        inFreshStore(this, store -> {
            CaseCommit first = chained(List.of(sampleCommit("XF-CHAIN-1", 0, 1, "k1", 1)), 0).get(0);
            commitValid(store, first);
            CaseCommit stale = new CaseCommit("XF-CHAIN-1", 0, first.events(), first.snapshot(), first.indexRow(), "k2",
                    first.commandDigest(), java.util.Collections.nCopies(first.events().size(), "ab".repeat(32)));
            try {
                store.commit(stale);
                throw new AssertionError("S3: a commit at a stale version was accepted");
            } catch (VersionConflictException expected) {
                // refused, as S3 requires
            }
            CaseCommit second = chained(List.of(first, sampleCommit("XF-CHAIN-1", 1, first.events().size() + 1, "k1", 2)), 0).get(1);
            CaseCommit repeated = new CaseCommit("XF-CHAIN-1", 1, second.events(), second.snapshot(), second.indexRow(), "k1",
                    second.commandDigest(), java.util.Collections.nCopies(second.events().size(), "cd".repeat(32)));
            try {
                store.commit(repeated);
                throw new AssertionError("S5: a commit repeating a key was accepted");
            } catch (DuplicateCommandException | VersionConflictException expected) {
                // refused, as S5 requires
            }
            List<ChainedEvent> walk = store.chainedEventsAfter("", 0, 100);
            if (!walk.equals(expectedWalk(List.of(first)))) {
                throw new AssertionError("S9: after two refused commits the store holds " + walk + " where only the first"
                        + " commit's event and link were due");
            }
        });
    }

    /** S9: a history chained as the case service chains it verifies intact, alone and against a checkpoint signed of it. */
    @Test
    default void required_S9_theVerifierFindsAChainedHistoryIntact() {
        theory(this).forAll(StoredRecordGenerators.commitSequences(4, 12)).checkAssert(generated -> inFreshStore(this, store -> {
            List<CaseCommit> commits = chained(generated, 0);
            commitAll(store, commits);
            ChainVerifier verifier = ChainVerifier.of(store, EventChain.sha256());
            ChainReport report = verifier.verifyStore();
            long events = eventsOf(commits).size();
            long cases = byCase(commits).size();
            if (!report.intact() || report.events() != events || report.cases() != cases) {
                throw new AssertionError("S9: the verifier walked " + report + " where " + cases + " intact cases of " + events
                        + " events were due: links or keys do not come back as committed");
            }
            for (String caseId : byCase(commits).keySet()) {
                ChainReport one = verifier.verifyCase(caseId);
                if (!one.intact() || one.cases() != 1) throw new AssertionError("S9: verifyCase(\"" + caseId + "\") gave " + one);
            }
            CheckpointSigner signer = CheckpointSigner.hmac("HmacSHA256", new SecretKeySpec(new byte[32], "HmacSHA256"), null);
            ChainCheckpoint checkpoint = verifier.checkpoint(Instant.parse("2024-03-04T00:00:00Z"), signer);
            if (checkpoint.heads().size() != cases) throw new AssertionError("S9: a checkpoint signed " + checkpoint.heads().size()
                    + " heads where " + cases + " cases are stored");
            ChainReport against = verifier.verifyStore(checkpoint, signer);
            Optional<ChainBreak> broken = against.firstBreak();
            if (broken.isPresent()) throw new AssertionError("S9: the store verified against its own checkpoint broke at " + broken.get());
        }));
    }
}
