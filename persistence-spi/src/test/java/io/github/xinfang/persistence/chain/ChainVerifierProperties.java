package io.github.xinfang.persistence.chain;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ChainedEvent;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Model-based: generated chained histories of several cases are tampered with as someone with database access would
 * (edit a field, delete, reorder or insert events, cut a tail, drop a link, delete a case, edit and recompute the
 * chain), and the verifier must report exactly the first break the model predicts, with case and sequence; tampering
 * that a chain alone cannot see (a cut tail, a deleted case, a recomputed chain) must be seen against a checkpoint
 * signed before it. An untouched history is intact with and without its checkpoint.
 */
class ChainVerifierProperties {
    private static final EventChain CHAIN = EventChain.sha256();
    private static final CheckpointSigner SIGNER =
            CheckpointSigner.hmac("HmacSHA256", new SecretKeySpec("outside-the-database".getBytes(), "HmacSHA256"), null);

    /** A store over a fixed list of chained events: what the database holds after the tampering. */
    static final class Listed implements CaseStore {
        private final List<ChainedEvent> events;

        Listed(List<ChainedEvent> events) {
            this.events = new ArrayList<>(events);
            this.events.sort(Comparator.comparing((ChainedEvent e) -> e.event().caseId()).thenComparingLong(e -> e.event().sequence()));
        }

        @Override public boolean keepsEventChain() { return true; }

        @Override
        public List<ChainedEvent> chainedEventsAfter(String caseId, long sequence, int limit) {
            List<ChainedEvent> page = new ArrayList<>();
            for (ChainedEvent e : events) {
                int c = e.event().caseId().compareTo(caseId);
                if (c < 0 || c == 0 && e.event().sequence() <= sequence) continue;
                if (page.size() == limit) break;
                page.add(e);
            }
            return page;
        }

        @Override public void commit(CaseCommit commit) { throw new UnsupportedOperationException(); }
        @Override public Optional<StoredCase> load(String caseId) { throw new UnsupportedOperationException(); }
        @Override public Optional<AppliedCommand> findApplied(String caseId, String key) { throw new UnsupportedOperationException(); }
        @Override public Optional<IndexRow> indexRow(String caseId) { throw new UnsupportedOperationException(); }
    }

    /** Histories: 1 to 4 cases of 1 to 8 events each, commits of 1 to 3 events sharing a key, mixed-script payloads. */
    static Gen<TreeMap<String, List<ChainedEvent>>> histories() {
        return lists().of(integers().between(1, 8)).ofSizeBetween(1, 4)
                .zip(strings().allPossible().ofLengthBetween(0, 20), integers().between(1, 3), (sizes, text, commitSize) -> {
                    TreeMap<String, List<ChainedEvent>> cases = new TreeMap<>();
                    for (int c = 0; c < sizes.size(); c++) {
                        String caseId = "XF-44010" + c + "-2024-00000" + (9 - c);
                        List<ChainedEvent> events = new ArrayList<>();
                        String previous = null;
                        for (int s = 1; s <= sizes.get(c); s++) {
                            StoredEvent e = new StoredEvent(caseId, s, s == 1 ? "case.registered" : "case.routed", 1,
                                    "{\"t\":\"" + text.hashCode() + " 信访 " + s + "\"}", Instant.EPOCH.plusSeconds(s * 86_400L + c));
                            String key = "cmd-" + ((s - 1) / commitSize);
                            previous = CHAIN.link(previous, e, key);
                            events.add(new ChainedEvent(e, key, previous));
                        }
                        cases.put(caseId, events);
                    }
                    return cases;
                });
    }

    enum Tamper { EDIT_PAYLOAD, EDIT_TYPE, EDIT_KEY, EDIT_INSTANT, DELETE_MIDDLE, SWAP, INSERT, TRUNCATE, UNLINK, DELETE_CASE, RECHAIN }

    private static List<ChainedEvent> rechain(List<ChainedEvent> events) {
        List<ChainedEvent> out = new ArrayList<>();
        String previous = null;
        for (ChainedEvent e : events) {
            previous = CHAIN.link(previous, e.event(), e.idempotencyKey());
            out.add(new ChainedEvent(e.event(), e.idempotencyKey(), previous));
        }
        return out;
    }

    private static StoredEvent with(StoredEvent e, long sequence, String type, String payload, Instant at) {
        return new StoredEvent(e.caseId(), sequence, type, e.schemaVersion(), payload, at);
    }

    @Test
    void theVerifierReportsTheFirstBreakTheModelPredicts() {
        qt().forAll(histories(), integers().between(0, Tamper.values().length - 1), integers().between(0, 1_000))
                .checkAssert((cases, t, pick) -> {
                    List<ChainedEvent> all = new ArrayList<>();
                    cases.values().forEach(all::addAll);
                    ChainVerifier clean = ChainVerifier.of(new Listed(all), CHAIN);
                    assertThat(clean.verifyStore().intact()).isTrue();
                    assertThat(clean.verifyStore().events()).isEqualTo(all.size());
                    ChainCheckpoint checkpoint = clean.checkpoint(Instant.parse("2024-06-01T00:00:00Z"), SIGNER);
                    assertThat(clean.verifyStore(checkpoint, SIGNER).intact()).isTrue();

                    Tamper tamper = Tamper.values()[t];
                    List<String> ids = new ArrayList<>(cases.keySet());
                    String caseId = ids.get(pick % ids.size());
                    List<ChainedEvent> history = new ArrayList<>(cases.get(caseId));
                    int n = history.size();
                    int i = pick % n;                     // the event tampered with (index; sequence i + 1)
                    ChainedEvent target = history.get(i);
                    StoredEvent e = target.event();
                    ChainBreak expected;                  // seen by the chain alone
                    ChainBreak expectedWithCheckpoint;    // seen against the checkpoint
                    switch (tamper) {
                        case EDIT_PAYLOAD -> history.set(i, new ChainedEvent(with(e, e.sequence(), e.type(), e.payload() + " ", e.recordedAt()), target.idempotencyKey(), target.link()));
                        case EDIT_TYPE -> history.set(i, new ChainedEvent(with(e, e.sequence(), "case.closed", e.payload(), e.recordedAt()), target.idempotencyKey(), target.link()));
                        case EDIT_KEY -> history.set(i, new ChainedEvent(e, target.idempotencyKey() + "-forged", target.link()));
                        case EDIT_INSTANT -> history.set(i, new ChainedEvent(with(e, e.sequence(), e.type(), e.payload(), e.recordedAt().minusSeconds(86_400)), target.idempotencyKey(), target.link()));
                        case UNLINK -> history.set(i, new ChainedEvent(e, target.idempotencyKey(), null));
                        default -> { }
                    }
                    switch (tamper) {
                        case EDIT_PAYLOAD, EDIT_TYPE, EDIT_KEY, EDIT_INSTANT -> expected = expectedWithCheckpoint = new ChainBreak(caseId, i + 1, ChainBreak.Kind.ALTERED);
                        case UNLINK -> expected = expectedWithCheckpoint = new ChainBreak(caseId, i + 1, ChainBreak.Kind.UNCHAINED);
                        case DELETE_MIDDLE -> {
                            if (i == n - 1) i = Math.max(0, n - 2);
                            if (n == 1) {    // deleting the only event deletes the case
                                history.clear();
                                expected = null;
                                expectedWithCheckpoint = new ChainBreak(caseId, 1, ChainBreak.Kind.DELETED);
                            } else {
                                history.remove(i);
                                expected = expectedWithCheckpoint = new ChainBreak(caseId, i + 1, ChainBreak.Kind.MISSING);
                            }
                        }
                        case SWAP -> {
                            if (n == 1) return;   // nothing to reorder
                            int a = Math.min(i, n - 2);
                            ChainedEvent x = history.get(a);
                            ChainedEvent y = history.get(a + 1);
                            history.set(a, new ChainedEvent(with(y.event(), a + 1, y.event().type(), y.event().payload(), y.event().recordedAt()), y.idempotencyKey(), y.link()));
                            history.set(a + 1, new ChainedEvent(with(x.event(), a + 2, x.event().type(), x.event().payload(), x.event().recordedAt()), x.idempotencyKey(), x.link()));
                            expected = expectedWithCheckpoint = new ChainBreak(caseId, a + 1, ChainBreak.Kind.ALTERED);
                        }
                        case INSERT -> {
                            // A forged event at sequence i + 1, its own link computed correctly; the events after it renumbered.
                            String previous = i == 0 ? null : history.get(i - 1).link();
                            StoredEvent forged = with(e, i + 1, "case.closed", "{\"forged\":true}", e.recordedAt());
                            List<ChainedEvent> shifted = new ArrayList<>(history.subList(0, i));
                            shifted.add(new ChainedEvent(forged, "forged", CHAIN.link(previous, forged, "forged")));
                            for (ChainedEvent later : history.subList(i, n)) {
                                StoredEvent le = later.event();
                                shifted.add(new ChainedEvent(with(le, le.sequence() + 1, le.type(), le.payload(), le.recordedAt()), later.idempotencyKey(), later.link()));
                            }
                            history = shifted;
                            expected = new ChainBreak(caseId, i + 2, ChainBreak.Kind.ALTERED);
                            // Forged at the signed head itself: its link verifies, and differs from the signed one.
                            expectedWithCheckpoint = i + 1 == n ? new ChainBreak(caseId, n, ChainBreak.Kind.REWRITTEN) : expected;
                        }
                        case TRUNCATE -> {
                            int keep = i;       // 0 .. n - 1 events kept
                            history = new ArrayList<>(history.subList(0, keep));
                            expected = null;
                            expectedWithCheckpoint = keep == 0 ? new ChainBreak(caseId, 1, ChainBreak.Kind.DELETED)
                                    : new ChainBreak(caseId, keep + 1, ChainBreak.Kind.TRUNCATED);
                        }
                        case DELETE_CASE -> {
                            history.clear();
                            expected = null;
                            expectedWithCheckpoint = new ChainBreak(caseId, 1, ChainBreak.Kind.DELETED);
                        }
                        case RECHAIN -> {
                            history.set(i, new ChainedEvent(with(e, e.sequence(), e.type(), "{\"rewritten\":true}", e.recordedAt()), target.idempotencyKey(), target.link()));
                            history = rechain(history);
                            expected = null;
                            expectedWithCheckpoint = new ChainBreak(caseId, n, ChainBreak.Kind.REWRITTEN);
                        }
                        default -> throw new AssertionError(tamper);
                    }
                    List<ChainedEvent> tampered = new ArrayList<>();
                    for (String id : ids) tampered.addAll(id.equals(caseId) ? history : cases.get(id));
                    ChainVerifier verifier = ChainVerifier.of(new Listed(tampered), CHAIN);

                    assertThat(verifier.verifyStore().firstBreak()).as("%s of %s at %d", tamper, caseId, i + 1).isEqualTo(Optional.ofNullable(expected));
                    assertThat(verifier.verifyStore(checkpoint, SIGNER).firstBreak()).as("%s of %s at %d against the checkpoint", tamper, caseId, i + 1)
                            .isEqualTo(Optional.of(expectedWithCheckpoint));
                    assertThat(verifier.verifyCase(caseId).firstBreak()).as("%s of %s alone", tamper, caseId).isEqualTo(Optional.ofNullable(expected));
                    for (String other : ids) {
                        if (!other.equals(caseId)) assertThat(verifier.verifyCase(other).intact()).isTrue();
                    }
                });
    }

    /** A verification streams: a store of more events than one page is walked whole, its break found past the first page. */
    @Test
    void aStoreLargerThanAPageIsWalkedWhole() {
        List<ChainedEvent> all = new ArrayList<>();
        for (int c = 0; c < 7; c++) {
            String previous = null;
            for (int s = 1; s <= 300; s++) {
                StoredEvent e = new StoredEvent("XF-" + c, s, "t", 1, "{}", Instant.EPOCH.plusSeconds(s));
                previous = CHAIN.link(previous, e, "k" + s);
                all.add(new ChainedEvent(e, "k" + s, previous));
            }
        }
        ChainReport intact = ChainVerifier.of(new Listed(all), CHAIN).verifyStore();
        assertThat(intact).isEqualTo(new ChainReport(7, 2_100, Optional.empty()));
        ChainedEvent last = all.get(2_099);
        all.set(2_099, new ChainedEvent(last.event(), "forged", last.link()));
        assertThat(ChainVerifier.of(new Listed(all), CHAIN).verifyStore().firstBreak())
                .contains(new ChainBreak("XF-6", 300, ChainBreak.Kind.ALTERED));
    }

    @Test
    void aCheckpointOfABrokenStoreIsRefused() {
        List<ChainedEvent> all = new ArrayList<>();
        StoredEvent e = new StoredEvent("XF-1", 1, "t", 1, "{}", Instant.EPOCH);
        all.add(new ChainedEvent(e, "k", null));
        ChainVerifier verifier = ChainVerifier.of(new Listed(all), CHAIN);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.checkpoint(Instant.EPOCH, SIGNER))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("XF-1").hasMessageContaining("UNCHAINED");
    }
}
