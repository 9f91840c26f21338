package io.github.xinfang.petition;

import java.util.Objects;

/**
 * A postal or home address: personal data, masked in {@code toString} (only its length shows). Immutable.
 *
 * @param value the address, not blank, at most 500 characters
 * @since 0.1
 */
public record Address(String value) {
    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value is blank or longer than 500 characters
     */
    public Address {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("value must not be blank");
        if (value.length() > 500) throw new IllegalArgumentException("value must be at most 500 characters");
    }

    @Override
    public String toString() {
        return "Address[" + value.length() + " chars]";
    }
}
