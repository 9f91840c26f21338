package io.github.xinfang.petition;

import io.github.xinfang.text.TextRule;

/**
 * A postal or home address: personal data, masked in {@code toString} (only its length shows). Immutable.
 *
 * @param value the address, one line under {@link TextRule#LINE}, at most {@value #MAX_LENGTH} code points
 * @since 0.1
 */
public record Address(String value) {
    /** The most code points accepted. @since 0.3 */
    public static final int MAX_LENGTH = 500;

    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value breaks {@link TextRule#LINE} (blank, too long, a control character)
     */
    public Address {
        TextRule.LINE.require(value, "value", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return "Address[" + value.length() + " chars]";
    }
}
