package io.github.xinfang.petition;

import io.github.xinfang.text.TextRule;

/**
 * A person's name: personal data, masked in {@code toString} (张三 → 张*). Immutable.
 *
 * @param value the name as given, one line under {@link TextRule#LINE}, at most {@value #MAX_LENGTH} code points
 * @since 0.1
 */
public record PersonName(String value) {
    /** The most code points accepted. @since 0.3 */
    public static final int MAX_LENGTH = 100;

    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value breaks {@link TextRule#LINE} (blank, too long, a control character)
     */
    public PersonName {
        TextRule.LINE.require(value, "value", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return Masking.keepFirst(value.strip());
    }
}
