package io.github.xinfang.persistence.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A signed record of every audited case's last audit record at an instant: kept outside the database like a
 * {@link ChainCheckpoint}, it lets a later verification ({@link ChainVerifier#verifyAudit(AccessAudit, EventChain,
 * AuditCheckpoint, CheckpointSigner, Instant)}) prove that no record up to those heads was changed, even by someone who
 * recomputed the trail's links, and that none of them was deleted except by a purge of records older than the retention
 * period (each head carries its record's instant, so a missing record is told from a purged one). Immutable.
 *
 * <p>The signed content ({@link #content()}) is UTF-8 text: a line {@code xinfang-audit-checkpoint-v1}, a line
 * {@code chain <digest algorithm>}, a line {@code taken <epoch second>.<nanosecond in nine digits>}, then one line per
 * case in {@link String#compareTo} order of case id: case id, tab, sequence of its last record, tab, that record's
 * instant (as the taken line), tab, its link; every line ends with a line feed. {@link #toText()} appends the lines
 * {@code signature-algorithm <name>} and {@code signature <base64>}.
 *
 * @param takenAt when the heads were read
 * @param chainAlgorithm the trail's digest ({@link EventChain#algorithm()})
 * @param heads the last record of every audited case, ascending by case id
 * @param signatureAlgorithm the signer's algorithm ({@link CheckpointSigner#algorithm()})
 * @param signature the signature over {@link #content()}, in canonical base64 (padded, the spare bits zero)
 * @since 0.7
 */
public record AuditCheckpoint(Instant takenAt, String chainAlgorithm, List<Head> heads, String signatureAlgorithm,
                              String signature) {

    private static final String MAGIC = "xinfang-audit-checkpoint-v1";

    /**
     * One case's last audit record.
     *
     * @param caseId the case (no tab, line feed or carriage return)
     * @param sequence the record's number within the case
     * @param at the record's instant
     * @param link the record's link
     */
    public record Head(String caseId, long sequence, Instant at, String link) {
        /**
         * Checks the arguments.
         *
         * @throws NullPointerException naming a null argument
         * @throws IllegalArgumentException naming an argument the text format cannot carry
         */
        public Head {
            CheckpointText.checkCaseId(caseId);
            Objects.requireNonNull(at, "at");
            CheckpointText.checkHead(sequence, link);
        }
    }

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if the heads are not strictly ascending by case id, an algorithm is blank or
     *                                  holds a line break, or the signature is not canonical base64
     */
    public AuditCheckpoint {
        CheckpointText.check(takenAt, chainAlgorithm, heads, signatureAlgorithm, signature);
        heads = CheckpointText.ascending(heads, Head::caseId);
    }

    /**
     * Signs the heads.
     *
     * @param takenAt when the heads were read
     * @param chain the chain whose links the heads are
     * @param heads the heads, ascending by case id
     * @param signer the signer
     * @return the signed checkpoint
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if the heads are not ascending
     * @throws CheckpointException if signing fails
     */
    public static AuditCheckpoint sign(Instant takenAt, EventChain chain, List<Head> heads, CheckpointSigner signer) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(signer, "signer");
        AuditCheckpoint unsigned = new AuditCheckpoint(takenAt, chain.algorithm(), heads, signer.algorithm(), "");
        return new AuditCheckpoint(takenAt, chain.algorithm(), unsigned.heads(), signer.algorithm(),
                CheckpointText.sign(signer, unsigned.content()));
    }

    /** @return the signed bytes (see the class comment) */
    public byte[] content() {
        StringBuilder text = CheckpointText.header(MAGIC, chainAlgorithm, takenAt, heads.size());
        for (Head h : heads) {
            text.append(h.caseId()).append('\t').append(h.sequence()).append('\t').append(EventChain.instant(h.at()))
                    .append('\t').append(h.link()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether the signature is the signer's over this checkpoint's content.
     *
     * @param signer the signer (or a verifying-only one with the public key)
     * @return true if authentic
     * @throws CheckpointException if the provider fails
     */
    public boolean authentic(CheckpointSigner signer) {
        return CheckpointText.authentic(signer, signatureAlgorithm, signature, content());
    }

    /** @return the checkpoint as text: its content and the signature lines */
    public String toText() {
        return CheckpointText.toText(content(), signatureAlgorithm, signature);
    }

    /**
     * Reads a checkpoint written by {@link #toText()}. Its signature is not checked here: see {@link #authentic}.
     *
     * @param text the text
     * @return the checkpoint
     * @throws NullPointerException if text is null
     * @throws CheckpointException if the text is not an audit checkpoint
     */
    public static AuditCheckpoint parse(String text) {
        try {
            String[] lines = CheckpointText.lines(text, MAGIC);
            int n = lines.length;
            Instant takenAt = CheckpointText.instant(lines[2].substring(6));
            List<Head> heads = new ArrayList<>(n - 5);
            for (int i = 3; i < n - 2; i++) {
                String[] cols = lines[i].split("\t", -1);
                if (cols.length != 4) throw new CheckpointException("bad head line " + (i + 1) + " in an audit checkpoint");
                heads.add(new Head(cols[0], Long.parseLong(cols[1]), CheckpointText.instant(cols[2]), cols[3]));
            }
            return new AuditCheckpoint(takenAt, lines[1].substring(6), heads, lines[n - 2].substring(20), lines[n - 1].substring(10));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new CheckpointException("an audit checkpoint's text is malformed", e);
        }
    }
}
