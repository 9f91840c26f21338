package io.github.xinfang.persistence.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The text both checkpoint formats share ({@link ChainCheckpoint}, {@link AuditCheckpoint}): a format line, a
 * {@code chain} line, a {@code taken} line, the format's head lines, then the {@code signature-algorithm} and
 * {@code signature} lines; canonical base64 signatures; instants as {@link EventChain#instant}. Stateless.
 */
final class CheckpointText {
    private CheckpointText() {}

    /** Checks the components every checkpoint has; returns nothing, throws naming the component. */
    static void check(Instant takenAt, String chainAlgorithm, Object heads, String signatureAlgorithm, String signature) {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(chainAlgorithm, "chainAlgorithm");
        Objects.requireNonNull(heads, "heads");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(signature, "signature");
        oneLine(chainAlgorithm, "chainAlgorithm");
        oneLine(signatureAlgorithm, "signatureAlgorithm");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature must be base64", e);
        }
        // One text per signature: base64 leaves spare bits in its last character, which must be zero.
        if (!Base64.getEncoder().encodeToString(bytes).equals(signature)) {
            throw new IllegalArgumentException("signature must be canonical base64");
        }
    }

    private static void oneLine(String text, String name) {
        if (text.isBlank() || text.contains("\n") || text.contains("\r")) {
            throw new IllegalArgumentException(name + " must be one non-blank line");
        }
    }

    /**
     * @return an immutable copy of the heads
     * @throws NullPointerException if a head is null
     * @throws IllegalArgumentException if they are not strictly ascending by case id
     */
    static <H> java.util.List<H> ascending(java.util.List<H> heads, java.util.function.Function<H, String> caseId) {
        java.util.List<H> copy = java.util.List.copyOf(heads);
        for (int i = 1; i < copy.size(); i++) {
            if (caseId.apply(copy.get(i - 1)).compareTo(caseId.apply(copy.get(i))) >= 0) {
                throw new IllegalArgumentException("heads must be strictly ascending by case id");
            }
        }
        return copy;
    }

    /** Checks a head's case id: non-empty, without tab or line break. */
    static void checkCaseId(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        if (caseId.isEmpty() || caseId.chars().anyMatch(ch -> ch == '\t' || ch == '\n' || ch == '\r')) {
            throw new IllegalArgumentException("caseId must be non-empty, without tab or line break");
        }
    }

    /** Checks a head's sequence and link. */
    static void checkHead(long sequence, String link) {
        Objects.requireNonNull(link, "link");
        if (sequence < 1) throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        if (!link.matches("[0-9a-f]{64,}")) throw new IllegalArgumentException("link must be lowercase hex of 32 bytes or more");
    }

    /** @return a new builder of the signed content, its three first lines written */
    static StringBuilder header(String magic, String chainAlgorithm, Instant takenAt, int heads) {
        StringBuilder text = new StringBuilder(64 + heads * 130);
        text.append(magic).append('\n');
        text.append("chain ").append(chainAlgorithm).append('\n');
        text.append("taken ").append(EventChain.instant(takenAt)).append('\n');
        return text;
    }

    /** @return the signature over the content, in canonical base64 */
    static String sign(CheckpointSigner signer, byte[] content) {
        return Base64.getEncoder().encodeToString(signer.sign(content));
    }

    static boolean authentic(CheckpointSigner signer, String signatureAlgorithm, String signature, byte[] content) {
        Objects.requireNonNull(signer, "signer");
        return signer.algorithm().equals(signatureAlgorithm) && !signature.isEmpty()
                && signer.verify(content, Base64.getDecoder().decode(signature));
    }

    static String toText(byte[] content, String signatureAlgorithm, String signature) {
        return new String(content, StandardCharsets.UTF_8) + "signature-algorithm " + signatureAlgorithm + "\nsignature "
                + signature + "\n";
    }

    /**
     * Splits a checkpoint's text into its lines, checking the frame.
     *
     * @return the lines: 0 the format, 1 the chain, 2 taken, 3 to n-3 the heads, n-2 and n-1 the signature lines
     * @throws CheckpointException if the frame is not the format's
     */
    static String[] lines(String text, String magic) {
        Objects.requireNonNull(text, "text");
        if (!text.endsWith("\n")) throw new CheckpointException("a checkpoint's text ends with a line feed");
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        int n = lines.length;
        if (n < 5 || !lines[0].equals(magic) || !lines[1].startsWith("chain ") || !lines[2].startsWith("taken ")
                || !lines[n - 2].startsWith("signature-algorithm ") || !lines[n - 1].startsWith("signature ")) {
            throw new CheckpointException("not a checkpoint of format " + magic);
        }
        return lines;
    }

    /** @return the instant of {@link EventChain#instant} text */
    static Instant instant(String text) {
        int dot = text.indexOf('.');
        if (dot < 0 || text.length() - dot != 10) throw new CheckpointException("bad instant in a checkpoint: " + text);
        return Instant.ofEpochSecond(Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)));
    }
}
