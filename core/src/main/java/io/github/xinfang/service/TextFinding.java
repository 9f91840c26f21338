package io.github.xinfang.service;

import java.util.Objects;

/**
 * A stored event whose text breaks today's text rule ({@link io.github.xinfang.text.TextRule}), found by
 * {@link CaseService#textFindings()}: where it is, and what is wrong, never the text itself. Immutable.
 *
 * @param caseId the case's id as stored (it may itself be the text at fault, so it is not a {@code CaseId})
 * @param sequence the event's sequence within the case
 * @param eventType the event's stored type name
 * @param field the path of the first field at fault within the event (e.g. {@code petition.summary}), or
 *     {@code id} for the case id
 * @param problem what is wrong, in English, naming the parameter and never the value
 * @since 0.3
 */
public record TextFinding(String caseId, long sequence, String eventType, String field, String problem) {
    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if sequence is below 1
     */
    public TextFinding {
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
