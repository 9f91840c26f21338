package io.github.xinfang.cases;

import io.github.xinfang.petition.FreeText;
import io.github.xinfang.text.TextRule;

import java.util.Objects;
import java.util.Optional;

/**
 * Free text as a portal's form gives it (a reason, an opinion, a reply, a summary, evidence, feedback): the one type
 * every command and form carries its free text in. Immutable; thread-safe.
 *
 * <p>Why a type of its own, and why it does not check its content: free text is the input a petitioner or an
 * official types, so it is personal data and it may be wrong. The type makes both hold wherever free text travels:
 * <ul>
 *   <li><b>masking</b>: {@code toString} shows the length only ({@code (12 chars)}), so a command's default record
 *       {@code toString} never prints the words;</li>
 *   <li><b>the text rule</b>: a component of this type is checked under {@link TextRule#TEXT} (at most
 *       {@value FreeText#MAX_LENGTH} code points) by the case service's shape walk, which finds it by its type and
 *       names it by its component's path ({@code reason}, {@code petition.summary}, {@code steps[2].description}).</li>
 * </ul>
 * The constructor therefore throws only on a null value (naming it): a blank, over-long or otherwise bad text is a
 * value like any other until the case service answers it with a {@code VALIDATION} rejection naming the field,
 * never an exception (STYLE.md, Values). A missing text is a null component, not a {@code FormText}. Once checked,
 * {@link #freeText()} turns it into the {@link FreeText} an event stores. The codec writes it as a plain JSON
 * string, so a command's digest is the same as when its text was a {@code String}.
 *
 * @param value the text, exactly as given
 * @since 0.4
 */
public record FormText(String value) {
    /** @throws NullPointerException if value is null */
    public FormText {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A form's text field as a value, a missing one staying missing.
     *
     * @param value the text, or null
     * @return the text as a value, or null if value is null
     */
    public static FormText ofNullable(String value) {
        return value == null ? null : new FormText(value);
    }

    /**
     * Checks the text under {@link TextRule#TEXT}.
     *
     * @return the first problem, or empty if the text may be stored
     */
    public Optional<TextRule.Problem> problem() {
        return TextRule.TEXT.check(value, FreeText.MAX_LENGTH);
    }

    /**
     * The checked text an event stores.
     *
     * @return the text as a {@link FreeText}
     * @throws IllegalArgumentException if the text breaks the rule (the case service checks it before)
     */
    public FreeText freeText() {
        return new FreeText(value);
    }

    /** @return the length only, e.g. {@code (12 chars)} */
    @Override
    public String toString() {
        return "(" + value.length() + " chars)";
    }
}
