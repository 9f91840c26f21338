package io.github.xinfang.text;

import io.github.xinfang.internal.text.StoredText;

import java.util.Objects;
import java.util.Optional;

/**
 * The text rule: what every string the library accepts must be, by kind of string. Stateless; thread-safe.
 *
 * <ul>
 *   <li>Every kind: well-formed Unicode (no unpaired surrogate, U+D800 to U+DFFF alone); no control character
 *       (general category Cc: U+0000 to U+001F, U+007F to U+009F), except tab, CR and LF in {@link #TEXT};
 *       not blank; at most a given number of code points.</li>
 *   <li>{@link #ID} (case ids, idempotency keys, unit, official and batch ids, job names, profile ids)
 *       additionally: no whitespace ({@link Character#isWhitespace} or {@link Character#isSpaceChar}), no format
 *       character (category Cf: zero-width and bidi marks, U+FEFF), no private-use character, no character
 *       outside the Basic Multilingual Plane. Ids compare by code point, with no normalisation: two ids that
 *       differ in any code point are two ids, and none can differ only by something a reader cannot see.</li>
 *   <li>Blank: empty once every whitespace character ({@link Character#isWhitespace} or
 *       {@link Character#isSpaceChar}, so U+00A0 and U+3000 too) and every format character is removed.</li>
 *   <li>Lengths count code points, not UTF-16 units: an emoji or a CJK Extension B character is one.</li>
 * </ul>
 *
 * <p>Value constructors call {@link #require} (a {@link NullPointerException} or {@link IllegalArgumentException}
 * naming the parameter); the case service calls {@link #check} and answers a {@code VALIDATION} rejection naming
 * the field's path, in English and in Chinese. Records a release stored before this rule keep decoding; the
 * case service's {@code textFindings()} lists the cases that hold such text.
 *
 * @since 0.3
 */
public enum TextRule {
    /** Ids, keys and codes: one visible token from the Basic Multilingual Plane. */
    ID,
    /** One line of text: names, titles, short fields (no tab, CR or LF). */
    LINE,
    /** Free text: a summary, a reason, an opinion; may hold tab, CR and LF. */
    TEXT;

    /**
     * Checks a string.
     *
     * @param value the string
     * @param maxCodePoints the most code points allowed, at least 1
     * @return the first problem, or empty if the string satisfies the rule
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if maxCodePoints is below 1
     */
    public Optional<Problem> check(String value, int maxCodePoints) {
        Objects.requireNonNull(value, "value");
        if (maxCodePoints < 1) throw new IllegalArgumentException("maxCodePoints must be at least 1");
        int codePoints = 0;
        boolean visible = false;
        int n = value.length();
        for (int i = 0; i < n; ) {
            char c = value.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return Optional.of(new Problem(Reason.UNPAIRED_SURROGATE, codePoints + 1, maxCodePoints));
                }
                cp = Character.toCodePoint(c, value.charAt(i + 1));
                i += 2;
            } else if (Character.isLowSurrogate(c)) {
                return Optional.of(new Problem(Reason.UNPAIRED_SURROGATE, codePoints + 1, maxCodePoints));
            } else {
                cp = c;
                i++;
            }
            codePoints++;
            Reason reason = reason(cp);
            if (reason != null) return Optional.of(new Problem(reason, codePoints, maxCodePoints));
            if (!invisible(cp)) visible = true;
        }
        if (codePoints > maxCodePoints) return Optional.of(new Problem(Reason.TOO_LONG, 0, maxCodePoints));
        if (!visible) return Optional.of(new Problem(Reason.BLANK, 0, maxCodePoints));
        return Optional.empty();
    }

    /**
     * Checks a parameter of a value constructor. While the codec reads a stored record, only what releases before
     * this rule asked is checked (not blank to {@link String#isBlank}, not too long), so that nothing stored
     * becomes unreadable; new input always meets the whole rule.
     *
     * @param value the string
     * @param parameter the parameter's name, for the exception's message
     * @param maxCodePoints the most code points allowed, at least 1
     * @return value, unchanged
     * @throws NullPointerException naming the parameter if value is null
     * @throws IllegalArgumentException naming the parameter and the problem (never the value) if the string
     *     breaks the rule
     */
    public String require(String value, String parameter, int maxCodePoints) {
        Objects.requireNonNull(value, parameter);
        Optional<Problem> problem = StoredText.reading() ? checkStored(value, maxCodePoints) : check(value, maxCodePoints);
        if (problem.isPresent()) throw new IllegalArgumentException(parameter + " " + problem.get().english());
        return value;
    }

    /**
     * What a release before this rule asked of text, and so what a stored record keeps: not blank to
     * {@link String#isBlank}, and not too long.
     */
    private static Optional<Problem> checkStored(String value, int maxCodePoints) {
        if (value.isBlank()) return Optional.of(new Problem(Reason.BLANK, 0, maxCodePoints));
        if (value.codePointCount(0, value.length()) > maxCodePoints) return Optional.of(new Problem(Reason.TOO_LONG, 0, maxCodePoints));
        return Optional.empty();
    }

    /**
     * Whether a string is blank under the rule: empty once whitespace and format characters are removed.
     *
     * @param value the string
     * @return true if blank
     * @throws NullPointerException if value is null
     */
    public static boolean isBlank(String value) {
        Objects.requireNonNull(value, "value");
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (!invisible(cp)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    private Reason reason(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL) {
            return this == TEXT && (cp == '\t' || cp == '\n' || cp == '\r') ? null : Reason.CONTROL;
        }
        if (this != ID) return null;
        if (Character.isSupplementaryCodePoint(cp)) return Reason.SUPPLEMENTARY;
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return Reason.WHITESPACE;
        if (type == Character.FORMAT) return Reason.FORMAT;
        if (type == Character.PRIVATE_USE) return Reason.PRIVATE_USE;
        return null;
    }

    private static boolean invisible(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT;
    }

    /**
     * Why a string breaks the rule.
     *
     * @since 0.3
     */
    public enum Reason {
        /** Empty once whitespace and format characters are removed. */
        BLANK,
        /** More code points than allowed. */
        TOO_LONG,
        /** A surrogate (U+D800 to U+DFFF) without its partner: not Unicode text. */
        UNPAIRED_SURROGATE,
        /** A control character (category Cc) where none is allowed. */
        CONTROL,
        /** Whitespace in an id. */
        WHITESPACE,
        /** A format character (category Cf: zero-width, bidi marks) in an id. */
        FORMAT,
        /** A private-use character in an id. */
        PRIVATE_USE,
        /** A character outside the Basic Multilingual Plane in an id. */
        SUPPLEMENTARY
    }

    /**
     * A problem found by {@link #check}: the reason, where (never what), and the limit.
     *
     * @param reason why the string breaks the rule
     * @param position the 1-based code point position of the offending character, or 0 for {@link Reason#BLANK}
     *     and {@link Reason#TOO_LONG}
     * @param limit the most code points allowed
     * @since 0.3
     */
    public record Problem(Reason reason, int position, int limit) {
        /**
         * @throws NullPointerException if reason is null
         * @throws IllegalArgumentException if position is negative or limit below 1
         */
        public Problem {
            Objects.requireNonNull(reason, "reason");
            if (position < 0) throw new IllegalArgumentException("position must not be negative");
            if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        }

        /** @return what is wrong, in English, without the value (e.g. {@code has a control character at position 3}) */
        public String english() {
            return switch (reason) {
                case BLANK -> "must not be blank";
                case TOO_LONG -> "must be at most " + limit + " characters";
                case UNPAIRED_SURROGATE -> "has an unpaired surrogate at position " + position;
                case CONTROL -> "has a control character at position " + position;
                case WHITESPACE -> "has whitespace at position " + position;
                case FORMAT -> "has an invisible format character at position " + position;
                case PRIVATE_USE -> "has a private-use character at position " + position;
                case SUPPLEMENTARY -> "has a character outside the Basic Multilingual Plane at position " + position;
            };
        }

        /** @return what is wrong, in Chinese, without the value (e.g. {@code 第3个字符是控制字符}) */
        public String chinese() {
            return switch (reason) {
                case BLANK -> "不得为空白";
                case TOO_LONG -> "不得超过" + limit + "个字符";
                case UNPAIRED_SURROGATE -> "第" + position + "个字符是不成对的代理码元";
                case CONTROL -> "第" + position + "个字符是控制字符";
                case WHITESPACE -> "第" + position + "个字符是空白字符";
                case FORMAT -> "第" + position + "个字符是不可见的格式字符";
                case PRIVATE_USE -> "第" + position + "个字符是私用区字符";
                case SUPPLEMENTARY -> "第" + position + "个字符超出基本多文种平面";
            };
        }
    }

    /**
     * A stored event whose text breaks today's text rule ({@link TextRule}), found by
     * {@link io.github.xinfang.service.CaseService#textFindings()}: where it is, and what is wrong, never the text
     * itself. Immutable.
     *
     * @param caseId the case's id as stored (it may itself be the text at fault, so it is not a {@code CaseId})
     * @param sequence the event's sequence within the case
     * @param eventType the event's stored type name
     * @param field the path of the first field at fault within the event (e.g. {@code petition.summary}), or
     *     {@code id} for the case id
     * @param problem what is wrong, in English, naming the parameter and never the value
     * @since 0.3
     */
    public record Finding(String caseId, long sequence, String eventType, String field, String problem) {
        /**
         * @throws NullPointerException naming a null argument
         * @throws IllegalArgumentException if sequence is below 1
         */
        public Finding {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(problem, "problem");
            if (sequence < 1) throw new IllegalArgumentException("sequence must be at least 1");
        }

        @Override
        public String toString() {
            return "TextFinding[case " + caseId.codePoints().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04X", c)
                    : Character.toString(c)).reduce("", String::concat) + " #" + sequence + " " + eventType + " " + field + ": " + problem + "]";
        }
    }
}
