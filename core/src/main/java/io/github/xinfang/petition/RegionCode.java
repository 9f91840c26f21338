package io.github.xinfang.petition;

import java.util.Objects;

/**
 * A six-digit administrative division code (行政区划代码, GB/T 2260), e.g. 440103. Immutable.
 *
 * @param value six digits
 * @since 0.1
 */
public record RegionCode(String value) {
    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value is not six digits or its province part is 00
     */
    public RegionCode {
        Objects.requireNonNull(value, "value");
        if (value.length() != 6 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("value must be six digits");
        }
        if (value.startsWith("00")) throw new IllegalArgumentException("value must name a province (not 00....)");
    }

    /**
     * Whether this region lies within another: 440103 is within 440100 and 440000; trailing zero pairs of
     * the parent are wildcards.
     *
     * @param parent the enclosing region
     * @return true if this code equals parent or lies within it
     */
    public boolean isWithin(RegionCode parent) {
        Objects.requireNonNull(parent, "parent");
        String p = parent.value;
        int len = 6;
        while (len > 2 && p.startsWith("00", len - 2)) len -= 2;
        return value.startsWith(p.substring(0, len));
    }

    @Override
    public String toString() {
        return value;
    }
}
