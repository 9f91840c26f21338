package io.github.xinfang.petition;

import java.util.Objects;

/**
 * Free text written by or about people (a petition's summary, a reason, an opinion, a reply): treated as
 * personal data and masked in {@code toString} (only its length shows). Immutable.
 *
 * @param value the text, not blank, at most {@value #MAX_LENGTH} characters
 * @since 0.1
 */
public record FreeText(String value) {
    /** The longest text accepted. */
    public static final int MAX_LENGTH = 20_000;

    /**
     * @throws NullPointerException if value is null
     * @throws IllegalArgumentException if value is blank or too long
     */
    public FreeText {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("value must not be blank");
        if (value.length() > MAX_LENGTH) throw new IllegalArgumentException("value must be at most " + MAX_LENGTH + " characters");
    }

    @Override
    public String toString() {
        return "FreeText[" + value.length() + " chars]";
    }
}
