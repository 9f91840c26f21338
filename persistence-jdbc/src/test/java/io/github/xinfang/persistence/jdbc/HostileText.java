package io.github.xinfang.persistence.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Text that databases and drivers are known to mangle, for {@link StoreDifferentialProperties}: unpaired high and
 * low surrogates (alone, and as a pair in the wrong order), NUL and the other C0 controls and DEL, C1 controls, tab,
 * CR and LF, NBSP, the ideographic space, zero-width and bidi marks, the byte order mark, emoji joined with ZWJ, CJK
 * Extension B, private-use characters, whitespace-only and format-only strings, strings that differ from another
 * only by a zero-width space or by which unpaired surrogate they hold, and text of 10,000 code points. Every value
 * comes from the {@link Random} passed in, so a seed reproduces it.
 *
 * <p>Also renders strings: {@link #escape} for comparing (injective: printable ASCII as is, everything else as
 * {@code \}{@code uXXXX} per UTF-16 unit), {@link #show} for ids and keys in failure messages, {@link #mask} for
 * free text (its length and its hostile code points only). Stateless.
 */
final class HostileText {
    private HostileText() {}

    /** What a hostile fragment, or a whole hostile string, is made of. */
    enum Kind {
        HIGH_SURROGATE, LOW_SURROGATE, REVERSED_PAIR, NUL, C0_CONTROL, C1_CONTROL, TAB_CR_LF, NBSP, IDEOGRAPHIC_SPACE,
        ZERO_WIDTH_OR_BIDI, BYTE_ORDER_MARK, EMOJI_ZWJ, CJK_EXTENSION_B, PRIVATE_USE,
        /** The whole string: spaces, tabs, line breaks, NBSP, ideographic and em spaces only. */
        WHITESPACE_ONLY,
        /** The whole string: zero-width, bidi and other format characters only. */
        FORMAT_ONLY,
        /** The whole string: 10,000 code points (CJK Extension B, CJK, ASCII and some of the fragments above). */
        LONG
    }

    /** Code points of 10,000-code-point text. */
    static final int LONG_CODE_POINTS = 10_000;

    private static final Kind[] FRAGMENTS = {
        Kind.HIGH_SURROGATE, Kind.LOW_SURROGATE, Kind.REVERSED_PAIR, Kind.NUL, Kind.C0_CONTROL, Kind.C1_CONTROL,
        Kind.TAB_CR_LF, Kind.NBSP, Kind.IDEOGRAPHIC_SPACE, Kind.ZERO_WIDTH_OR_BIDI, Kind.BYTE_ORDER_MARK, Kind.EMOJI_ZWJ,
        Kind.CJK_EXTENSION_B, Kind.PRIVATE_USE};
    private static final String[] EMOJI = {"\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", // 👨‍👩‍👧
        "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", // 🏳️‍🌈
        "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB"}; // 👩🏽‍💻
    private static final String[] WHITESPACE = {" ", "\t", "\n", "\r", "\u3000", "\u00A0", "\u2003", "\u000B", "\u000C"};
    private static final char ZERO_WIDTH_SPACE = '\u200B';
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** @return one of the format characters: zero-width space to RLM (U+200B to U+200F), bidi embeddings and overrides (U+202A to U+202E) */
    private static char formatCharacter(Random r) {
        int i = r.nextInt(10);
        return (char) (i < 5 ? 0x200B + i : 0x202A + i - 5);
    }

    /**
     * @param kind a fragment kind (not a whole-string one)
     * @param r the randomness
     * @return a short hostile fragment of that kind
     */
    static String fragment(Kind kind, Random r) {
        switch (kind) {
            case HIGH_SURROGATE: return String.valueOf((char) (0xD800 + r.nextInt(0x400)));
            case LOW_SURROGATE: return String.valueOf((char) (0xDC00 + r.nextInt(0x400)));
            case REVERSED_PAIR: return new String(new char[] {(char) (0xDC00 + r.nextInt(0x400)), (char) (0xD800 + r.nextInt(0x400))});
            case NUL: return "\u0000";
            case C0_CONTROL: {
                int i = r.nextInt(32);   // 1 to 31, or DEL
                return String.valueOf((char) (i == 0 ? 0x7F : i));
            }
            case C1_CONTROL: return String.valueOf((char) (0x80 + r.nextInt(32)));
            case TAB_CR_LF: return new String[] {"\t", "\r", "\n", "\r\n"}[r.nextInt(4)];
            case NBSP: return "\u00A0";
            case IDEOGRAPHIC_SPACE: return "\u3000";
            case ZERO_WIDTH_OR_BIDI: return String.valueOf(formatCharacter(r));
            case BYTE_ORDER_MARK: return "\uFEFF";
            case EMOJI_ZWJ: return EMOJI[r.nextInt(EMOJI.length)];
            case CJK_EXTENSION_B: return new String(Character.toChars(0x20000 + r.nextInt(0x2A6E0 - 0x20000)));
            case PRIVATE_USE: return new String(Character.toChars(r.nextBoolean() ? 0xE000 + r.nextInt(0x1900) : 0xF0000 + r.nextInt(0xFFFE)));
            default: throw new IllegalArgumentException("not a fragment kind: " + kind);
        }
    }

    /**
     * A hostile version of {@code base}: one to three fragments inserted at code-point boundaries (so a pair already
     * in {@code base} is never split by accident), or, less often, a whole-string kind instead of {@code base}.
     *
     * @param base ordinary text
     * @param r the randomness
     * @return the hostile text
     */
    static String hostile(String base, Random r) {
        int roll = r.nextInt(100);
        if (roll < 6) return whitespaceOnly(r);
        if (roll < 12) return formatOnly(r);
        if (roll < 14) return longText(r);
        StringBuilder s = new StringBuilder(base);
        int fragments = 1 + r.nextInt(3);
        for (int i = 0; i < fragments; i++) {
            String f = fragment(FRAGMENTS[r.nextInt(FRAGMENTS.length)], r);
            int at = s.offsetByCodePoints(0, r.nextInt(s.codePointCount(0, s.length()) + 1));
            s.insert(at, f);
        }
        return s.toString();
    }

    /**
     * @param base ordinary text
     * @param r the randomness
     * @param percent how often the text is hostile, 0 to 100
     * @return {@link #hostile} of base {@code percent} percent of the time, else base
     */
    static String maybe(String base, Random r, int percent) {
        return r.nextInt(100) < percent ? hostile(base, r) : base;
    }

    /**
     * A string that differs from {@code s} only slightly: another unpaired surrogate of the same half in place of
     * its first one ({@code k\uD800} becomes, say, {@code k\uDBFF}), or else a zero-width space inserted.
     *
     * @param s a string
     * @param r the randomness
     * @return a different string
     */
    static String sibling(String s, Random r) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (paired) continue;
            int base = Character.isHighSurrogate(c) ? 0xD800 : 0xDC00;
            char other = (char) (base + (c - base + 1 + r.nextInt(0x3FF)) % 0x400);
            return s.substring(0, i) + other + s.substring(i + 1);
        }
        int at = s.offsetByCodePoints(0, r.nextInt(s.codePointCount(0, s.length()) + 1));
        return s.substring(0, at) + ZERO_WIDTH_SPACE + s.substring(at);
    }

    /**
     * @param base ordinary text
     * @param r the randomness
     * @return {@code base} followed by one unpaired high surrogate (so that {@link #sibling} swaps it)
     */
    static String withLoneSurrogate(String base, Random r) {
        return base + fragment(Kind.HIGH_SURROGATE, r);
    }

    private static String whitespaceOnly(Random r) {
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) s.append(WHITESPACE[r.nextInt(WHITESPACE.length)]);
        return s.toString();
    }

    private static String formatOnly(Random r) {
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(12);
            s.append(pick < 10 ? formatCharacter(r) : pick == 10 ? '\uFEFF' : '\u2060');
        }
        return s.toString();
    }

    /**
     * @param r the randomness
     * @return one character between the surrogates and U+FFFF: the byte order mark, a private-use character or a
     *     fullwidth form (in UTF-16 it sorts after every supplementary character, in code points before)
     */
    static String aboveSurrogates(Random r) {
        switch (r.nextInt(3)) {
            case 0: return "\uFEFF";
            case 1: return String.valueOf((char) (0xE000 + r.nextInt(0x1900)));
            default: return String.valueOf((char) (0xFF01 + r.nextInt(0x5E)));
        }
    }

    /**
     * @param r the randomness
     * @return one supplementary character: CJK Extension B, an emoji or a supplementary private-use character
     */
    static String supplementary(Random r) {
        switch (r.nextInt(3)) {
            case 0: return fragment(Kind.CJK_EXTENSION_B, r);
            case 1: return new String(Character.toChars(0x1F600 + r.nextInt(0x50)));
            default: return new String(Character.toChars(0xF0000 + r.nextInt(0xFFFE)));
        }
    }

    /** @return exactly {@link #LONG_CODE_POINTS} code points, mostly CJK Extension B (so about twice as many chars) */
    static String longText(Random r) {
        StringBuilder s = new StringBuilder(2 * LONG_CODE_POINTS);
        for (int i = 0; i < LONG_CODE_POINTS; i++) {
            int pick = r.nextInt(100);
            if (pick < 70) {
                s.appendCodePoint(0x20000 + r.nextInt(0x2A6E0 - 0x20000));
            } else if (pick < 90) {
                s.appendCodePoint(0x4E00 + r.nextInt(0x9FA5 - 0x4E00 + 1));
            } else if (pick < 97) {
                s.appendCodePoint('a' + r.nextInt(26));
            } else {
                // one code point of trouble: a lone surrogate, a control, a format character or a private-use one
                Kind k = new Kind[] {Kind.HIGH_SURROGATE, Kind.LOW_SURROGATE, Kind.C0_CONTROL, Kind.C1_CONTROL,
                    Kind.ZERO_WIDTH_OR_BIDI, Kind.PRIVATE_USE}[r.nextInt(6)];
                s.append(fragment(k, r));
            }
        }
        return s.toString();
    }

    /** @return {@code n} CJK characters (U+4E00 to U+9FA5) */
    static String cjk(Random r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) s.append((char) (0x4E00 + r.nextInt(0x9FA5 - 0x4E00 + 1)));
        return s.toString();
    }

    // ------------------------------------------------------------------ rendering

    /**
     * @param s a string, or null
     * @return printable ASCII as is (a backslash doubled), every other UTF-16 unit as {@code \}{@code uXXXX}; distinct
     *     strings give distinct renderings
     */
    static String escape(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                b.append("\\\\");
            } else if (c >= 0x20 && c <= 0x7E) {
                b.append(c);
            } else {
                b.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return b.toString();
    }

    /**
     * @param s an id or key, or null
     * @return it quoted and {@link #escape escaped}; past 80 characters, its beginning and its length
     */
    static String show(String s) {
        if (s == null) return "null";
        if (s.length() <= 80) return "\"" + escape(s) + "\"";
        return "\"" + escape(s.substring(0, 24)) + "…\" (" + s.length() + " chars, " + s.codePointCount(0, s.length())
                + " code points)";
    }

    /**
     * @param s free text, or null
     * @return its length and the code points in it that are neither printable ASCII nor common CJK (unpaired
     *     surrogates as {@code \}{@code uXXXX}, others as {@code U+XXXX}), never the text itself
     */
    static String mask(String s) {
        if (s == null) return "null";
        Set<String> odd = new LinkedHashSet<>();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean plain = cp >= 0x20 && cp <= 0x7E || cp >= 0x4E00 && cp <= 0x9FA5;
            if (plain) continue;
            odd.add(Character.isSurrogate((char) cp) && cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("U+%04X", cp));
        }
        String chars = "(" + s.length() + " chars";
        if (odd.isEmpty()) return chars + ")";
        List<String> shown = new ArrayList<>(odd);
        String list = String.join(" ", shown.subList(0, Math.min(8, shown.size()))) + (shown.size() > 8 ? " …" : "");
        return chars + "; " + list + ")";
    }
}
