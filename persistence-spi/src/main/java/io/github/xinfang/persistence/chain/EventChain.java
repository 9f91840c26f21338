package io.github.xinfang.persistence.chain;

import io.github.xinfang.persistence.StoredEvent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The event chain's format, version 1: how the link of a stored event is computed from the link of the event before it
 * in its case, so that an edit of any stored event changes every later link. Immutable and thread-safe.
 *
 * <p>The link of event {@code n} of a case is the lowercase hex of
 * {@code H("xinfang-chain-v1" 0x00 ‖ f(previous) ‖ f(type) ‖ f(schemaVersion) ‖ f(caseId) ‖ f(sequence) ‖
 * f(recordedAt) ‖ f(idempotencyKey) ‖ f(payload))}, where {@code H} is the chain's digest (SHA-256 by default, or SM3),
 * {@code f(x)} is the length of {@code x} in bytes as a 4-byte big-endian unsigned integer followed by those bytes,
 * {@code previous} is the raw digest of event {@code n - 1} (no bytes for event 1), {@code schemaVersion} and
 * {@code sequence} are ASCII decimals, {@code recordedAt} is the ASCII decimal epoch second, a dot and the nanosecond
 * of the second in nine digits ({@code 1709251200.000000000}), {@code idempotencyKey} is the key of the commit that
 * stored the event, and every text is UTF-8: the payload exactly as stored (ciphertext included). docs/event-chain.md
 * repeats this with test vectors.
 *
 * @since 0.7
 */
public final class EventChain {
    private static final byte[] DOMAIN = "xinfang-chain-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AUDIT_DOMAIN = "xinfang-audit-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final String algorithm;
    private final Provider provider;

    private EventChain(String algorithm, Provider provider) {
        this.algorithm = algorithm;
        this.provider = provider;
        newDigest();   // fails now, not at the first commit, if the algorithm is not available
    }

    /** @return the default chain: SHA-256, from the JDK */
    public static EventChain sha256() {
        return new EventChain("SHA-256", null);
    }

    /**
     * A chain over a digest of a JCA provider, such as SM3 (GB/T 32905) from Bouncy Castle:
     * {@code EventChain.of("SM3", new BouncyCastleProvider())}.
     *
     * @param algorithm the JCA name of a digest of 32 bytes or more
     * @param provider the provider, or null for the JDK's registered providers
     * @return the chain
     * @throws NullPointerException if algorithm is null
     * @throws IllegalArgumentException if the algorithm is not available or its digest is shorter than 32 bytes
     */
    public static EventChain of(String algorithm, Provider provider) {
        Objects.requireNonNull(algorithm, "algorithm");
        EventChain chain = new EventChain(algorithm, provider);
        if (chain.newDigest().getDigestLength() < 32) {
            throw new IllegalArgumentException("algorithm " + algorithm + " has a digest shorter than 32 bytes");
        }
        return chain;
    }

    /** @return the digest's JCA name, such as {@code SHA-256} or {@code SM3} */
    public String algorithm() {
        return algorithm;
    }

    /**
     * Computes an event's link.
     *
     * @param previous the link of the case's previous event, or null for its first event
     * @param event the event as stored
     * @param idempotencyKey the key of the commit that stores it
     * @return the link, lowercase hex
     * @throws NullPointerException if event or idempotencyKey is null, or previous is null for an event after the first
     * @throws IllegalArgumentException if previous is given for the first event or is not hex
     */
    public String link(String previous, StoredEvent event, String idempotencyKey) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        MessageDigest md = start(DOMAIN, previous, event.sequence());
        field(md, event.type());
        field(md, Integer.toString(event.schemaVersion()));
        field(md, event.caseId());
        field(md, Long.toString(event.sequence()));
        field(md, instant(event.recordedAt()));
        field(md, idempotencyKey);
        field(md, event.payload());
        return HEX.formatHex(md.digest());
    }

    /**
     * Computes the link of an access audit record ({@link AccessAudit}, rule A1): the lowercase hex of
     * {@code H("xinfang-audit-v1" 0x00 ‖ f(previous) ‖ f(caseId) ‖ f(sequence) ‖ f(actor) ‖ f(action) ‖ f(outcome) ‖
     * f(at))}, with the conventions of the event links ({@code action} and {@code outcome} as their enum names).
     *
     * @param previous the link of the case's previous audit record, or null for its first
     * @param entry the access recorded
     * @param sequence the record's number within its case
     * @return the link, lowercase hex
     * @throws NullPointerException if entry is null, or previous is null after the first record
     * @throws IllegalArgumentException if previous is given for the first record or is not hex, or sequence is below 1
     */
    public String auditLink(String previous, AuditEntry entry, long sequence) {
        Objects.requireNonNull(entry, "entry");
        if (sequence < 1) throw new IllegalArgumentException("sequence must be at least 1, was " + sequence);
        MessageDigest md = start(AUDIT_DOMAIN, previous, sequence);
        field(md, entry.caseId());
        field(md, Long.toString(sequence));
        field(md, entry.actor());
        field(md, entry.action().name());
        field(md, entry.outcome().name());
        field(md, instant(entry.at()));
        return HEX.formatHex(md.digest());
    }

    /** A digest begun with a domain and the previous link (none for the first of a chain). */
    private MessageDigest start(byte[] domain, String previous, long sequence) {
        if (sequence == 1 && previous != null) {
            throw new IllegalArgumentException("previous must be null for the first event of a case");
        }
        if (sequence > 1) Objects.requireNonNull(previous, "previous");
        byte[] before;
        try {
            before = previous == null ? new byte[0] : HEX.parseHex(previous);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("previous is not a hex link", e);
        }
        MessageDigest md = newDigest();
        md.update(domain);
        field(md, before);
        return md;
    }

    /** The instant as the chain writes it: epoch second, a dot, the nanosecond in nine digits. */
    static String instant(java.time.Instant at) {
        String nanos = Integer.toString(at.getNano());
        return at.getEpochSecond() + "." + "000000000".substring(nanos.length()) + nanos;
    }

    private static void field(MessageDigest md, String text) {
        field(md, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest md, byte[] bytes) {
        md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md.update(bytes);
    }

    private MessageDigest newDigest() {
        try {
            return provider == null ? MessageDigest.getInstance(algorithm) : MessageDigest.getInstance(algorithm, provider);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("algorithm " + algorithm + " is not available"
                    + (provider == null ? "" : " from provider " + provider.getName()), e);
        }
    }

    /** Two chains are equal when they name the same algorithm (their links are then the same). */
    @Override
    public boolean equals(Object o) {
        return o instanceof EventChain other && other.algorithm.equalsIgnoreCase(algorithm);
    }

    @Override
    public int hashCode() {
        return algorithm.toUpperCase(java.util.Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return "EventChain[" + algorithm + "]";
    }
}
