package io.github.xinfang.persistence.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A signed record of every case's chain head at an instant: kept outside the database (a {@link CheckpointArchive}),
 * it lets a later verification prove that nothing up to those heads changed, that no case's tail was cut and that no
 * case was deleted, even against someone who edited the database and recomputed the chain. Immutable.
 *
 * <p>The signed content ({@link #content()}) is UTF-8 text: a line {@code xinfang-checkpoint-v1}, a line
 * {@code chain <digest algorithm>}, a line {@code taken <epoch second>.<nanosecond in nine digits>}, then one line per
 * case in {@link String#compareTo} order of case id: case id, tab, sequence of its last event, tab, that event's link;
 * every line ends with a line feed. {@link #toText()} appends the lines {@code signature-algorithm <name>} and
 * {@code signature <base64>}.
 *
 * @param takenAt when the heads were read
 * @param chainAlgorithm the chain's digest ({@link EventChain#algorithm()})
 * @param heads the chain head of every case, ascending by case id
 * @param signatureAlgorithm the signer's algorithm ({@link CheckpointSigner#algorithm()})
 * @param signature the signature over {@link #content()}, in canonical base64 (padded, the spare bits zero)
 * @since 0.7
 */
public record ChainCheckpoint(Instant takenAt, String chainAlgorithm, List<Head> heads, String signatureAlgorithm,
                              String signature) {

    private static final String MAGIC = "xinfang-checkpoint-v1";

    /**
     * One case's chain head.
     *
     * @param caseId the case (no tab, line feed or carriage return)
     * @param sequence the sequence of its last event
     * @param link that event's link
     */
    public record Head(String caseId, long sequence, String link) {
        /**
         * Checks the arguments.
         *
         * @throws NullPointerException naming a null argument
         * @throws IllegalArgumentException naming an argument the text format cannot carry
         */
        public Head {
            CheckpointText.checkCaseId(caseId);
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
    public ChainCheckpoint {
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
    public static ChainCheckpoint sign(Instant takenAt, EventChain chain, List<Head> heads, CheckpointSigner signer) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(signer, "signer");
        ChainCheckpoint unsigned = new ChainCheckpoint(takenAt, chain.algorithm(), heads, signer.algorithm(), "");
        return new ChainCheckpoint(takenAt, chain.algorithm(), unsigned.heads(), signer.algorithm(),
                CheckpointText.sign(signer, unsigned.content()));
    }

    /** @return the signed bytes (see the class comment) */
    public byte[] content() {
        StringBuilder text = CheckpointText.header(MAGIC, chainAlgorithm, takenAt, heads.size());
        for (Head h : heads) text.append(h.caseId()).append('\t').append(h.sequence()).append('\t').append(h.link()).append('\n');
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
     * @throws CheckpointException if the text is not a checkpoint
     */
    public static ChainCheckpoint parse(String text) {
        try {
            String[] lines = CheckpointText.lines(text, MAGIC);
            int n = lines.length;
            Instant takenAt = CheckpointText.instant(lines[2].substring(6));
            List<Head> heads = new ArrayList<>(n - 5);
            for (int i = 3; i < n - 2; i++) {
                String[] cols = lines[i].split("\t", -1);
                if (cols.length != 3) throw new CheckpointException("bad head line " + (i + 1) + " in a checkpoint");
                heads.add(new Head(cols[0], Long.parseLong(cols[1]), cols[2]));
            }
            return new ChainCheckpoint(takenAt, lines[1].substring(6), heads, lines[n - 2].substring(20), lines[n - 1].substring(10));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new CheckpointException("a checkpoint's text is malformed", e);
        }
    }
}
