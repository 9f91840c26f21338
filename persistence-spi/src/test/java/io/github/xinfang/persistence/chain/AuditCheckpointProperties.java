package io.github.xinfang.persistence.chain;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Model-based: a generated access audit trail of a few cases is checkpointed, grows, is purged at a random cutoff (as
 * {@code CaseService.purgeAudit} would), and then one case is tampered with as someone with database access would: a
 * record edited (its link left, or the case's links recomputed), the records up to the signed head deleted, the tail
 * from it cut, the whole case deleted, the first record a purge left given another previous link or deleted. Verified
 * against the checkpoint with the purge's cutoff, the verifier reports exactly the break the model predicts, with case
 * and number; the purge alone, and a deletion a purge could have made (everything it removed signed older than the
 * cutoff, or recorded after a checkpoint taken before it), leave the trail intact.
 */
class AuditCheckpointProperties {
    private static final EventChain CHAIN = EventChain.sha256();
    private static final CheckpointSigner SIGNER =
            CheckpointSigner.hmac("HmacSHA256", new SecretKeySpec("outside-the-database".getBytes(), "HmacSHA256"), null);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> CASES = List.of("XF-1", "XF-10", "XF-2", "XF-3");

    /** The database's trail: records by (case, sequence), and each case's head, which a purge keeps. */
    static final class Trail implements AccessAudit {
        final TreeMap<String, TreeMap<Long, AuditRecord>> records = new TreeMap<>();
        final Map<String, AuditRecord> heads = new HashMap<>();

        @Override
        public AuditRecord record(AuditEntry entry, EventChain chain) {
            AuditRecord last = heads.get(entry.caseId());
            long sequence = last == null ? 1 : last.sequence() + 1;
            String previous = last == null ? null : last.link();
            AuditRecord r = new AuditRecord(entry, sequence, previous, chain.auditLink(previous, entry, sequence));
            records.computeIfAbsent(entry.caseId(), k -> new TreeMap<>()).put(sequence, r);
            heads.put(entry.caseId(), r);
            return r;
        }

        @Override
        public List<AuditRecord> recordsAfter(String caseId, long sequence, int limit) {
            List<AuditRecord> page = new ArrayList<>();
            for (Map.Entry<String, TreeMap<Long, AuditRecord>> c : records.tailMap(caseId, true).entrySet()) {
                for (AuditRecord r : c.getValue().values()) {
                    if (c.getKey().equals(caseId) && r.sequence() <= sequence) continue;
                    if (page.size() == limit) return page;
                    page.add(r);
                }
            }
            return page;
        }

        @Override
        public List<AuditRecord> byActor(String actor, String caseId, long sequence, int limit) {
            return recordsAfter(caseId, sequence, limit).stream().filter(r -> r.entry().actor().equals(actor)).toList();
        }

        @Override
        public long purgeBefore(Instant cutoff) {
            long n = 0;
            for (TreeMap<Long, AuditRecord> c : records.values()) {
                int before = c.size();
                c.values().removeIf(r -> r.entry().at().isBefore(cutoff));
                n += before - c.size();
            }
            records.values().removeIf(TreeMap::isEmpty);
            return n;
        }

        /** Replaces a case's records from {@code from} on, recomputing their links as an attacker would. */
        void rechain(String caseId, long from, String previousOfFirst) {
            TreeMap<Long, AuditRecord> c = records.get(caseId);
            String previous = previousOfFirst;
            for (Map.Entry<Long, AuditRecord> e : c.tailMap(from, true).entrySet()) {
                AuditRecord r = e.getValue();
                AuditRecord redone = new AuditRecord(r.entry(), r.sequence(), previous, CHAIN.auditLink(previous, r.entry(), r.sequence()));
                e.setValue(redone);
                previous = redone.link();
            }
        }
    }

    enum Tamper { NONE, EDIT, EDIT_AND_RECHAIN, DELETE_UP_TO_HEAD, CUT_FROM_HEAD, DELETE_CASE, RELINK_FIRST_LEFT, DELETE_FIRST_AFTER }

    record Scenario(List<Integer> before, List<Integer> after, int cutoff, Tamper tamper, int target, int pick) {}

    static Gen<Scenario> scenarios() {
        Gen<List<Integer>> before = lists().of(integers().between(0, CASES.size() - 1)).ofSizeBetween(1, 24);
        Gen<List<Integer>> after = lists().of(integers().between(0, CASES.size() - 1)).ofSizeBetween(0, 12);
        Gen<Integer> cutoff = integers().between(0, 40);
        Gen<Tamper> tamper = integers().between(0, Tamper.values().length - 1).map(t -> Tamper.values()[t]);
        Gen<Integer> target = integers().between(0, 3);
        Gen<Integer> pick = integers().between(0, 50);
        return in -> new Scenario(before.generate(in), after.generate(in), cutoff.generate(in), tamper.generate(in),
                target.generate(in), pick.generate(in));
    }

    private static AuditEntry entry(String caseId, int second) {
        return new AuditEntry("gb-xfj:xfj-001", caseId, AuditEntry.Action.READ, AuditEntry.Outcome.SHOWN, T0.plusSeconds(second));
    }

    @Test
    void theVerifierFindsExactlyTheTamperingAPurgeCannotExplain() {
        qt().withExamples(1_000).forAll(scenarios()).checkAssert(sc -> {
            Trail trail = new Trail();
            int second = 0;
            for (int c : sc.before()) trail.record(entry(CASES.get(c), ++second), CHAIN);
            Instant takenAt = T0.plusSeconds(second).plusMillis(500);
            AuditCheckpoint checkpoint = ChainVerifier.auditCheckpoint(trail, CHAIN, takenAt, SIGNER);
            for (int c : sc.after()) trail.record(entry(CASES.get(c), ++second), CHAIN);
            Instant cutoff = T0.plusSeconds(sc.cutoff()).plusMillis(250);
            trail.purgeBefore(cutoff);

            AuditCheckpoint.Head head = checkpoint.heads().get(sc.target() % checkpoint.heads().size());
            String x = head.caseId();
            long s = head.sequence();
            boolean headOld = head.at().isBefore(cutoff);
            TreeMap<Long, AuditRecord> left = trail.records.getOrDefault(x, new TreeMap<>());
            Optional<ChainBreak> expected = Optional.empty();
            switch (sc.tamper()) {
                case NONE -> { }
                case EDIT -> {
                    if (!left.isEmpty()) {
                        AuditRecord r = pick(left, sc.pick());
                        left.put(r.sequence(), new AuditRecord(entry(x, 999), r.sequence(), r.previous(), r.link()));
                        expected = Optional.of(new ChainBreak(x, r.sequence(), ChainBreak.Kind.ALTERED));
                    }
                }
                case EDIT_AND_RECHAIN -> {
                    if (left.containsKey(s)) {
                        long from = left.firstKey() + Math.floorMod(sc.pick(), s - left.firstKey() + 1);
                        AuditRecord r = left.get(from);
                        left.put(from, new AuditRecord(entry(x, 999), from, r.previous(), r.link()));
                        trail.rechain(x, from, r.previous());
                        expected = Optional.of(new ChainBreak(x, s, ChainBreak.Kind.REWRITTEN));
                    }
                }
                case DELETE_UP_TO_HEAD -> {
                    if (left.containsKey(s)) {
                        left.headMap(s, true).clear();
                        if (!headOld) {
                            expected = Optional.of(new ChainBreak(x, s, left.isEmpty() ? ChainBreak.Kind.DELETED : ChainBreak.Kind.MISSING));
                        }
                    }
                }
                case CUT_FROM_HEAD -> {
                    if (left.containsKey(s)) {
                        boolean earlierLeft = left.firstKey() < s;
                        left.tailMap(s, true).clear();
                        if (earlierLeft) expected = Optional.of(new ChainBreak(x, s, ChainBreak.Kind.TRUNCATED));
                        else if (!headOld) expected = Optional.of(new ChainBreak(x, s, ChainBreak.Kind.DELETED));
                    }
                }
                case DELETE_CASE -> {
                    left.clear();
                    if (!headOld) expected = Optional.of(new ChainBreak(x, s, ChainBreak.Kind.DELETED));
                }
                case DELETE_FIRST_AFTER -> {
                    // the head was purged; the record after it, recorded after the checkpoint, is deleted too: only a
                    // purge after the checkpoint was taken could have done that
                    if (left.size() > 1 && left.firstKey() == s + 1) {
                        left.remove(s + 1);
                        if (!checkpoint.takenAt().isBefore(cutoff)) {
                            expected = Optional.of(new ChainBreak(x, s + 1, ChainBreak.Kind.MISSING));
                        }
                    }
                }
                case RELINK_FIRST_LEFT -> {
                    if (!left.isEmpty() && left.firstKey() == s + 1) {
                        trail.rechain(x, s + 1, "ab".repeat(32));
                        expected = Optional.of(new ChainBreak(x, s, ChainBreak.Kind.REWRITTEN));
                    }
                }
            }
            if (left.isEmpty()) trail.records.remove(x);
            // The purge alone never breaks the trail: it deletes only records older than its cutoff, which the
            // verifier accepts; so the one break is the tampering's, unless the tampering is what a purge could do.
            ChainReport report = ChainVerifier.verifyAudit(trail, CHAIN, checkpoint, SIGNER, cutoff);
            assertThat(report.firstBreak()).as("%s", sc).isEqualTo(expected);
            assertThat(ChainVerifier.verifyAudit(trail, CHAIN).firstBreak().map(ChainBreak::kind))
                    .as("without the checkpoint only edits whose links were left are found")
                    .isEqualTo(sc.tamper() == Tamper.EDIT ? expected.map(ChainBreak::kind) : Optional.empty());
        });
    }

    private static AuditRecord pick(TreeMap<Long, AuditRecord> records, int pick) {
        return new ArrayList<>(records.values()).get(pick % records.size());
    }

    @Test
    void aForgedOrForeignCheckpointIsRefusedAndTheTextRoundTrips() {
        Trail trail = new Trail();
        for (int i = 1; i <= 5; i++) trail.record(entry(CASES.get(i % 3), i), CHAIN);
        AuditCheckpoint checkpoint = ChainVerifier.auditCheckpoint(trail, CHAIN, T0.plusSeconds(10), SIGNER);
        assertThat(AuditCheckpoint.parse(checkpoint.toText())).isEqualTo(checkpoint);
        assertThat(checkpoint.heads()).extracting(AuditCheckpoint.Head::caseId).containsExactly("XF-1", "XF-10", "XF-2");
        AuditCheckpoint.Head first = checkpoint.heads().get(0);
        AuditCheckpoint forged = new AuditCheckpoint(checkpoint.takenAt(), checkpoint.chainAlgorithm(),
                List.of(new AuditCheckpoint.Head(first.caseId(), first.sequence() + 1, first.at(), first.link())),
                checkpoint.signatureAlgorithm(), checkpoint.signature());
        assertThatThrownBy(() -> ChainVerifier.verifyAudit(trail, CHAIN, forged, SIGNER, Instant.MIN))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("not authentic");
        assertThatThrownBy(() -> ChainVerifier.verifyAudit(trail, EventChain.of("SHA-512", null), checkpoint, SIGNER, Instant.MIN))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> AuditCheckpoint.parse(checkpoint.toText().replace("xinfang-audit-checkpoint-v1", "xinfang-checkpoint-v1")))
                .isInstanceOf(CheckpointException.class);
        assertThat(ChainVerifier.verifyAudit(trail, CHAIN, checkpoint, SIGNER, Instant.MIN).intact()).isTrue();
    }
}
