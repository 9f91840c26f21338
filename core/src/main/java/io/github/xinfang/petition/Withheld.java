package io.github.xinfang.petition;

import java.util.Optional;

/**
 * Why a personal value is not shown: the placeholders that stand in for a name, an ID number, a phone, an address or
 * a free text when its data may not or can no longer be read. A placeholder is an ordinary value of its type whose
 * {@code value()} is the reason's {@link #marker() marker}; it carries no personal data, {@code toString} shows the
 * reason, and the codec stores it as its marker, never encrypted.
 *
 * <ul>
 *   <li>{@link #ERASED}: the key of the person (or of the case's free text) was destroyed (PIPL Art. 47): the value
 *       can never be read again, while the history still replays and verifies;</li>
 *   <li>{@link #RESTRICTED}: the person asked for deletion while a retention period runs, so processing is
 *       restricted to storage and security measures: reads show this placeholder, exports carry nothing else;</li>
 *   <li>{@link #MASKED}: another party's data in a petitioner's own copy (信访人查询, PIPL Art. 45).</li>
 * </ul>
 *
 * <p>A marker is U+FDD0 (a Unicode noncharacter, never part of interchanged text) followed by the reason's name, so no
 * real name, number or text is mistaken for a placeholder; input that is exactly a marker is taken as the
 * placeholder, which carries no data.
 *
 * @since 0.9
 */
public enum Withheld {
    /** The value's key was destroyed: it is gone for good. */
    ERASED("\uFDD0erased", "[erased]", "[已删除]"),
    /** Processing of the person's data is restricted (a deletion request during the retention period). */
    RESTRICTED("\uFDD0restricted", "[restricted]", "[已限制处理]"),
    /** Another party's data, hidden from a petitioner's own copy. */
    MASKED("\uFDD0masked", "[masked]", "[已隐去]");

    private final String marker;
    private final String english;
    private final String chinese;

    Withheld(String marker, String english, String chinese) {
        this.marker = marker;
        this.english = english;
        this.chinese = chinese;
    }

    /** @return the text a placeholder holds as its {@code value()} */
    public String marker() {
        return marker;
    }

    /** @return how the placeholder reads in English, e.g. {@code [erased]} */
    public String english() {
        return english;
    }

    /** @return how the placeholder reads in Chinese, e.g. {@code [已删除]} */
    public String chinese() {
        return chinese;
    }

    /**
     * @param value a personal value's text (may be null)
     * @return the reason whose marker it is, or empty for real data
     */
    public static Optional<Withheld> of(String value) {
        return Optional.ofNullable(reason(value));
    }

    /** @return the reason whose marker {@code value} is, or null (package-private: the value types' constructors) */
    static Withheld reason(String value) {
        if (value == null || value.isEmpty() || value.charAt(0) != '\uFDD0') return null;
        for (Withheld w : values()) {
            if (w.marker.equals(value)) return w;
        }
        return null;
    }
}
