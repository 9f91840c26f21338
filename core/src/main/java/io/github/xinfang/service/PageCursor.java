package io.github.xinfang.service;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The opaque cursors of {@link CaseListings}: a keyset position (an optional instant and a case id, the keys the
 * store's listings page by) bound to the listing and its filters, encoded as base64url without padding.
 *
 * <p>Format version 1, big-endian: version byte {@code 1}; listing byte ({@link Listing#code}); the first 8 bytes of
 * the SHA-256 of the listing's filters; a flag byte (1: an instant follows as epoch seconds (long) and nanoseconds
 * (int)); the case id's length in chars (int) and its chars as UTF-16 (any Java string round-trips); CRC-32 of all
 * the preceding bytes (int). Decoding refuses, with an {@link IllegalArgumentException} naming {@code cursor}, text
 * that is not base64url, too long, damaged (checksum), of another format version, of another listing or of the same
 * listing with other filters. A cursor is not a secret and not an authorisation: anyone can build one, and all it can
 * do is start a listing the caller may read anyway at another position; the checks catch mix-ups and damage.
 * Stateless.
 */
final class PageCursor {
    /** The format version this release writes and reads. */
    static final int FORMAT = 1;
    /** The longest cursor text accepted, in characters. */
    static final int MAX_LENGTH = 4096;

    /** The listings a cursor can belong to; codes are part of the format, never reuse one. */
    enum Listing {
        ATTENTION(1), BY_ACTIVE_LEADER(2), BY_LEAD_UNIT(3), BY_BATCH(4), OVERDUE_BY_UNIT(5), OVERDUE_IN_REGION(6),
        OVERDUE_BY_LEADER(7);

        final int code;

        Listing(int code) {
            this.code = code;
        }
    }

    /**
     * A decoded keyset position.
     *
     * @param at the instant key, or null for listings keyed by case id alone
     * @param caseId the last case id of the previous page
     */
    record Position(Instant at, String caseId) {}

    private PageCursor() {}

    /**
     * @param listing the listing
     * @param filters the listing's filters (null elements allowed), as the caller passes them on every page
     * @param at the last item's instant key, or null
     * @param caseId the last item's case id
     * @return the cursor text
     */
    static String encode(Listing listing, String[] filters, Instant at, String caseId) {
        int size = 1 + 1 + 8 + 1 + (at == null ? 0 : 12) + 4 + 2 * caseId.length() + 4;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) FORMAT).put((byte) listing.code).put(filterDigest(filters));
        if (at == null) {
            b.put((byte) 0);
        } else {
            b.put((byte) 1).putLong(at.getEpochSecond()).putInt(at.getNano());
        }
        b.putInt(caseId.length());
        for (int i = 0; i < caseId.length(); i++) b.putChar(caseId.charAt(i));
        b.putInt(crc(b.array(), b.position()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /**
     * @param cursor the cursor text from a previous page
     * @param listing the listing it must belong to
     * @param filters the filters it must have been made with
     * @return the position
     * @throws IllegalArgumentException naming {@code cursor}, for any cursor this listing did not make with these filters
     */
    static Position decode(String cursor, Listing listing, String[] filters) {
        if (cursor.length() > MAX_LENGTH) throw refused("is longer than " + MAX_LENGTH + " characters");
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw refused("is not base64url text");
        }
        if (bytes.length < 1 + 1 + 8 + 1 + 4 + 4) throw refused("is too short");
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt(bytes.length - 4) != crc(bytes, bytes.length - 4)) throw refused("is damaged (checksum)");
        int format = b.get();
        if (format != FORMAT) throw refused("has format version " + format + ", this release reads " + FORMAT);
        int code = b.get();
        if (code != listing.code) throw refused("belongs to another listing");
        byte[] digest = new byte[8];
        b.get(digest);
        if (!Arrays.equals(digest, filterDigest(filters))) throw refused("belongs to this listing with other filters");
        try {
            int flag = b.get();
            Instant at = null;
            if (flag == 1) {
                at = Instant.ofEpochSecond(b.getLong(), b.getInt());
            } else if (flag != 0) {
                throw refused("has an unknown position kind");
            }
            if ((at == null) != (listing != Listing.ATTENTION)) throw refused("has a position of another shape");
            int length = b.getInt();
            if (length < 1 || length * 2L != b.remaining() - 4L) throw refused("has a case id of a wrong length");
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = b.getChar();
            return new Position(at, new String(chars));
        } catch (BufferUnderflowException | DateTimeException e) {
            throw refused("is truncated or malformed");
        }
    }

    private static CaseListings.InvalidCursorException refused(String why) {
        return new CaseListings.InvalidCursorException("cursor " + why + ": pass back the next cursor of a page of the same"
                + " listing, with the same filters");
    }

    private static byte[] filterDigest(String[] filters) {
        StringBuilder canonical = new StringBuilder();
        for (String f : filters) {
            // length-prefixed, so no two different filter lists share a text
            canonical.append(f == null ? "-" : f.length() + ":" + f).append('|');
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
