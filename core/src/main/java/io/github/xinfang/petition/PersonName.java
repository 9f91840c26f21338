package io.github.xinfang.petition;

import java.util.Objects;

/**
 * A person's name: personal data, masked in {@code toString} (张三 → 张*). Immutable.
 *
 * @param value the name as given, not blank, at most 100 characters
 * @since 0.1
 */
public record PersonName(String value) {
    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value is blank or longer than 100 characters
     */
    public PersonName {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("value must not be blank");
        if (value.length() > 100) throw new IllegalArgumentException("value must be at most 100 characters");
    }

    @Override
    public String toString() {
        return Masking.keepFirst(value.strip());
    }
}
