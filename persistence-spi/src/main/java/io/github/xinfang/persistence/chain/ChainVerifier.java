package io.github.xinfang.persistence.chain;

import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ChainedEvent;
import io.github.xinfang.persistence.StoredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks a store's event chain, one case or the whole store, streaming in pages, and reports the first break: an event
 * whose link does not follow from the event and the link before it, an event stored without a link, a gap in a case's
 * sequence. Against a signed {@link ChainCheckpoint} it also proves that each case still reaches the head the checkpoint
 * signed, with the same link (so nothing up to it changed, even if the chain was recomputed), and that no case the
 * checkpoint signed is gone. It signs new checkpoints of an intact store. Thread-safe; it only reads.
 *
 * <p>Memory is one page of events, plus the heads when a checkpoint is signed or compared.
 *
 * @since 0.7
 */
public final class ChainVerifier {
    private static final int PAGE = 500;

    private final CaseStore store;
    private final EventChain chain;

    private ChainVerifier(CaseStore store, EventChain chain) {
        this.store = store;
        this.chain = chain;
    }

    /**
     * A verifier of a store's chain.
     *
     * @param store the store
     * @param chain the chain its writer computes (the case service's)
     * @return the verifier
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if the store keeps no event chain
     */
    public static ChainVerifier of(CaseStore store, EventChain chain) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(chain, "chain");
        if (!store.keepsEventChain()) throw new IllegalArgumentException("store " + store.getClass().getName() + " keeps no event chain");
        return new ChainVerifier(store, chain);
    }

    /**
     * Verifies one case's chain.
     *
     * @param caseId the case
     * @return what was walked (no case and no event for an unknown case) and the first break
     * @throws NullPointerException if caseId is null
     * @throws io.github.xinfang.persistence.StoreException on an infrastructure failure
     */
    public ChainReport verifyCase(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        Walk walk = new Walk(null, false);
        long after = 0;
        while (!walk.stopped()) {
            List<ChainedEvent> page = store.chainedEventsAfter(caseId, after, PAGE);
            for (ChainedEvent e : page) {
                if (!e.event().caseId().equals(caseId) || walk.stopped()) return walk.finish();
                walk.accept(e);
                after = e.event().sequence();
            }
            if (page.size() < PAGE) break;
        }
        return walk.finish();
    }

    /**
     * Verifies every case of the store, in case id order.
     *
     * @return what was walked and the first break
     * @throws io.github.xinfang.persistence.StoreException on an infrastructure failure
     */
    public ChainReport verifyStore() {
        return walkStore(new Walk(null, false));
    }

    /**
     * Verifies every case of the store and compares it with a signed checkpoint: each case the checkpoint signed must
     * still exist ({@link ChainBreak.Kind#DELETED}), reach the signed head ({@link ChainBreak.Kind#TRUNCATED}) and hold
     * the signed link there ({@link ChainBreak.Kind#REWRITTEN}). Cases and events added since are verified as usual.
     *
     * @param checkpoint the checkpoint, from outside the database
     * @param signer the signer, or a verifying-only one with the public key
     * @return what was walked and the first break
     * @throws NullPointerException naming a null argument
     * @throws CheckpointException if the checkpoint's signature does not verify or it names another chain algorithm
     * @throws io.github.xinfang.persistence.StoreException on an infrastructure failure
     */
    public ChainReport verifyStore(ChainCheckpoint checkpoint, CheckpointSigner signer) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(signer, "signer");
        if (!checkpoint.chainAlgorithm().equalsIgnoreCase(chain.algorithm())) {
            throw new CheckpointException("the checkpoint is of a " + checkpoint.chainAlgorithm() + " chain, not " + chain.algorithm());
        }
        if (!checkpoint.authentic(signer)) {
            throw new CheckpointException("the checkpoint taken at " + checkpoint.takenAt() + " is not authentic: its signature"
                    + " does not verify with " + signer.algorithm());
        }
        return walkStore(new Walk(checkpoint.heads().iterator(), false));
    }

    /**
     * Verifies the whole store and signs a checkpoint of its chain heads. Take it while commits run if you like: a
     * commit that lands during the walk is either in the checkpoint or after it.
     *
     * @param takenAt the instant to record (from the caller's clock)
     * @param signer the signer
     * @return the signed checkpoint, to keep in a {@link CheckpointArchive}
     * @throws NullPointerException naming a null argument
     * @throws CheckpointException if the store's chain is broken (nothing is signed then) or signing fails
     * @throws io.github.xinfang.persistence.StoreException on an infrastructure failure
     */
    public ChainCheckpoint checkpoint(Instant takenAt, CheckpointSigner signer) {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(signer, "signer");
        Walk walk = new Walk(null, true);
        ChainReport report = walkStore(walk);
        if (!report.intact()) {
            ChainBreak b = report.firstBreak().get();
            throw new CheckpointException("the event chain is broken at case " + b.caseId() + " sequence " + b.sequence()
                    + " (" + b.kind() + "); no checkpoint was signed");
        }
        return ChainCheckpoint.sign(takenAt, chain, walk.collected, signer);
    }

    /**
     * Verifies an access audit trail (rule A1 of {@link AccessAudit}): within each case, records numbered without gaps
     * (from the first one a purge left), each chained to the record before it, each link following from its record. A
     * trail recomputed whole after an edit verifies here: verify it against a signed {@link AuditCheckpoint} to find
     * that too.
     *
     * @param audit the trail
     * @param chain the chain its records were linked with
     * @return the cases and records walked and the first break ({@link ChainBreak.Kind#ALTERED} or
     *         {@link ChainBreak.Kind#MISSING})
     * @throws NullPointerException naming a null argument
     * @throws io.github.xinfang.persistence.StoreException on an infrastructure failure
     */
    public static ChainReport verifyAudit(AccessAudit audit, EventChain chain) {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(chain, "chain");
        return new AuditWalk(chain, null, null, null).run(audit);
    }

    /**
     * Verifies an access audit trail and compares it with a signed checkpoint of its heads: besides what
     * {@link #verifyAudit(AccessAudit, EventChain)} checks, each signed head's record must still hold the signed link
     * ({@link ChainBreak.Kind#REWRITTEN}, also when only the record after it is left: its previous link must be the signed
     * one), the case must still reach it ({@link ChainBreak.Kind#TRUNCATED}) and a signed case must still have records
     * ({@link ChainBreak.Kind#DELETED}). A purge deletes the oldest records of a case ({@link AccessAudit#purgeBefore}):
     * a signed record, or a case, that is gone counts as purged only if the signed instant is before {@code retainedSince}
     * (and records recorded after the checkpoint only if it was taken before then); otherwise it was deleted
     * ({@link ChainBreak.Kind#MISSING}, or DELETED for a whole case).
     *
     * @param audit the trail
     * @param chain the chain its records were linked with
     * @param checkpoint the checkpoint, from outside the database
     * @param signer the signer, or a verifying-only one with the public key
     * @param retainedSince the oldest instant the trail still keeps: records before it may have been purged (the purge's
     *                      cutoff, {@code now} minus the retention period; {@link Instant#MIN} if the trail was never
     *                      purged)
     * @return what was walked and the first break
     * @throws NullPointerException naming a null argument
     * @throws CheckpointException if the checkpoint's signature does not verify or it names another chain algorithm
     * @throws io.github.xinfang.persistence.StoreException on an infrastructure failure
     */
    public static ChainReport verifyAudit(AccessAudit audit, EventChain chain, AuditCheckpoint checkpoint, CheckpointSigner signer,
                                          Instant retainedSince) {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(retainedSince, "retainedSince");
        if (!checkpoint.chainAlgorithm().equalsIgnoreCase(chain.algorithm())) {
            throw new CheckpointException("the audit checkpoint is of a " + checkpoint.chainAlgorithm() + " chain, not "
                    + chain.algorithm());
        }
        if (!checkpoint.authentic(signer)) {
            throw new CheckpointException("the audit checkpoint taken at " + checkpoint.takenAt() + " is not authentic: its"
                    + " signature does not verify with " + signer.algorithm());
        }
        return new AuditWalk(chain, checkpoint, retainedSince, null).run(audit);
    }

    /**
     * Verifies an access audit trail and signs a checkpoint of its heads: every audited case's last record.
     *
     * @param audit the trail
     * @param chain the chain its records were linked with
     * @param takenAt the instant to record (from the caller's clock)
     * @param signer the signer
     * @return the signed checkpoint, to keep outside the database ({@link CheckpointArchive#appendAudit})
     * @throws NullPointerException naming a null argument
     * @throws CheckpointException if the trail is broken (nothing is signed then) or signing fails
     * @throws io.github.xinfang.persistence.StoreException on an infrastructure failure
     */
    public static AuditCheckpoint auditCheckpoint(AccessAudit audit, EventChain chain, Instant takenAt, CheckpointSigner signer) {
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(signer, "signer");
        List<AuditCheckpoint.Head> heads = new ArrayList<>();
        ChainReport report = new AuditWalk(chain, null, null, heads).run(audit);
        if (!report.intact()) {
            ChainBreak b = report.firstBreak().get();
            throw new CheckpointException("the audit trail is broken at case " + b.caseId() + " record " + b.sequence()
                    + " (" + b.kind() + "); no checkpoint was signed");
        }
        return AuditCheckpoint.sign(takenAt, chain, heads, signer);
    }

    /** One walk over an audit trail in case id then sequence order, against a checkpoint's heads if one is given. */
    private static final class AuditWalk {
        private final EventChain chain;
        private final AuditCheckpoint checkpoint;          // null without one
        private final Instant retainedSince;
        private final List<AuditCheckpoint.Head> collect;  // null unless signing
        private final Iterator<AuditCheckpoint.Head> heads;
        private AuditCheckpoint.Head head;                 // the next signed head not yet passed
        private AuditCheckpoint.Head signed;               // the current case's signed head, until reached
        private String caseId;
        private AuditRecord before;
        private long cases;
        private long records;
        private ChainBreak broken;

        AuditWalk(EventChain chain, AuditCheckpoint checkpoint, Instant retainedSince, List<AuditCheckpoint.Head> collect) {
            this.chain = chain;
            this.checkpoint = checkpoint;
            this.retainedSince = retainedSince;
            this.collect = collect;
            this.heads = checkpoint == null ? java.util.Collections.emptyIterator() : checkpoint.heads().iterator();
            this.head = heads.hasNext() ? heads.next() : null;
        }

        ChainReport run(AccessAudit audit) {
            String afterCase = "";
            long afterSequence = 0;
            while (broken == null) {
                List<AuditRecord> page = audit.recordsAfter(afterCase, afterSequence, PAGE);
                for (AuditRecord r : page) {
                    accept(r);
                    if (broken != null) break;
                }
                if (page.size() < PAGE) break;
                AuditRecord last = page.get(page.size() - 1);
                afterCase = last.entry().caseId();
                afterSequence = last.sequence();
            }
            if (broken == null && caseId != null) endCase();
            while (broken == null && head != null) {
                goneCase(head);
                head = heads.hasNext() ? heads.next() : null;
            }
            return new ChainReport(cases, records, Optional.ofNullable(broken));
        }

        private void accept(AuditRecord r) {
            String id = r.entry().caseId();
            if (!id.equals(caseId)) {
                if (caseId != null) endCase();
                if (broken != null) return;
                startCase(id);
                if (broken != null) return;
            }
            records++;
            if (before != null && r.sequence() != before.sequence() + 1) {
                broken = new ChainBreak(id, before.sequence() + 1, ChainBreak.Kind.MISSING);
                return;
            }
            boolean linked = before == null || before.link().equals(r.previous());
            if (!linked || !chain.auditLink(r.previous(), r.entry(), r.sequence()).equals(r.link())) {
                broken = new ChainBreak(id, r.sequence(), ChainBreak.Kind.ALTERED);
                return;
            }
            if (signed != null) checkSigned(r);
            before = r;
        }

        /** Compares a record with the case's signed head, which it reaches or (the first record left) passes. */
        private void checkSigned(AuditRecord r) {
            long s = signed.sequence();
            if (r.sequence() < s) return;
            if (r.sequence() == s) {
                if (!r.link().equals(signed.link())) broken = new ChainBreak(caseId, s, ChainBreak.Kind.REWRITTEN);
            } else if (before != null) {
                return;   // passed it earlier: cannot happen, the walk compares at s
            } else if (!purged(signed.at())) {
                broken = new ChainBreak(caseId, s, ChainBreak.Kind.MISSING);
            } else if (r.sequence() == s + 1 && !signed.link().equals(r.previous())) {
                broken = new ChainBreak(caseId, s, ChainBreak.Kind.REWRITTEN);
            } else if (r.sequence() > s + 1 && !purged(checkpoint.takenAt())) {
                broken = new ChainBreak(caseId, s + 1, ChainBreak.Kind.MISSING);   // recorded after the checkpoint
            }
            signed = null;
        }

        private void startCase(String id) {
            while (head != null && head.caseId().compareTo(id) < 0) {
                goneCase(head);
                if (broken != null) return;
                head = heads.hasNext() ? heads.next() : null;
            }
            if (head != null && head.caseId().equals(id)) {
                signed = head;
                head = heads.hasNext() ? heads.next() : null;
            }
            caseId = id;
            before = null;
            cases++;
        }

        private void endCase() {
            if (signed != null) {
                broken = new ChainBreak(caseId, signed.sequence(), ChainBreak.Kind.TRUNCATED);
                return;
            }
            if (collect != null) collect.add(new AuditCheckpoint.Head(caseId, before.sequence(), before.entry().at(), before.link()));
        }

        /** A signed case with no record left: purged if its last record was old enough, else deleted. */
        private void goneCase(AuditCheckpoint.Head h) {
            if (!purged(h.at())) broken = new ChainBreak(h.caseId(), h.sequence(), ChainBreak.Kind.DELETED);
        }

        private boolean purged(Instant at) {
            return at.isBefore(retainedSince);
        }
    }

    private ChainReport walkStore(Walk walk) {
        String afterCase = "";
        long afterSequence = 0;
        while (!walk.stopped()) {
            List<ChainedEvent> page = store.chainedEventsAfter(afterCase, afterSequence, PAGE);
            for (ChainedEvent e : page) {
                walk.accept(e);
                if (walk.stopped()) break;
            }
            if (page.size() < PAGE) break;
            StoredEvent last = page.get(page.size() - 1).event();
            afterCase = last.caseId();
            afterSequence = last.sequence();
        }
        return walk.finish();
    }

    /** One walk over events in case id then sequence order. */
    private final class Walk {
        private final Iterator<ChainCheckpoint.Head> heads;   // null without a checkpoint
        private final boolean collect;
        final List<ChainCheckpoint.Head> collected = new ArrayList<>();
        private ChainCheckpoint.Head head;                    // the next signed head not yet passed
        private String caseId;
        private long expected;
        private String previous;
        private long cases;
        private long events;
        private ChainBreak broken;

        Walk(Iterator<ChainCheckpoint.Head> heads, boolean collect) {
            this.heads = heads;
            this.collect = collect;
            this.head = heads != null && heads.hasNext() ? heads.next() : null;
        }

        boolean stopped() {
            return broken != null;
        }

        void accept(ChainedEvent chained) {
            StoredEvent e = chained.event();
            if (!e.caseId().equals(caseId)) {
                if (caseId != null) endCase();
                if (stopped()) return;
                startCase(e.caseId());
                if (stopped()) return;
            }
            events++;
            if (e.sequence() != expected) {
                broken = new ChainBreak(caseId, expected, ChainBreak.Kind.MISSING);
                return;
            }
            if (chained.link() == null) {
                broken = new ChainBreak(caseId, e.sequence(), ChainBreak.Kind.UNCHAINED);
                return;
            }
            if (!chain.link(previous, e, chained.idempotencyKey()).equals(chained.link())) {
                broken = new ChainBreak(caseId, e.sequence(), ChainBreak.Kind.ALTERED);
                return;
            }
            if (signedHere() && head.sequence() == e.sequence() && !head.link().equals(chained.link())) {
                broken = new ChainBreak(caseId, e.sequence(), ChainBreak.Kind.REWRITTEN);
                return;
            }
            previous = chained.link();
            expected++;
        }

        private boolean signedHere() {
            return head != null && head.caseId().equals(caseId);
        }

        private void startCase(String id) {
            if (head != null && head.caseId().compareTo(id) < 0) {
                broken = new ChainBreak(head.caseId(), 1, ChainBreak.Kind.DELETED);
                return;
            }
            caseId = id;
            cases++;
            expected = 1;
            previous = null;
        }

        private void endCase() {
            if (signedHere()) {
                if (expected - 1 < head.sequence()) {
                    broken = new ChainBreak(caseId, expected, ChainBreak.Kind.TRUNCATED);
                    return;
                }
                head = heads.hasNext() ? heads.next() : null;
            }
            if (collect) collected.add(new ChainCheckpoint.Head(caseId, expected - 1, previous));
        }

        ChainReport finish() {
            if (!stopped() && caseId != null) endCase();
            if (!stopped() && head != null) broken = new ChainBreak(head.caseId(), 1, ChainBreak.Kind.DELETED);
            return new ChainReport(cases, events, Optional.ofNullable(broken));
        }
    }
}
