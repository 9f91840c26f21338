package io.github.xinfang.privacy;

import io.github.xinfang.cases.CaseId;

import java.util.Objects;

/**
 * Names one key of personal data: the key of a case's petitioner, of an accused party outside the directory, or of the
 * case itself (its free text: summary, reasons, opinions, replies). A person is known by position: petitioner
 * {@code i} is the {@code i}-th petitioner of the case's petition (a correction keeps each petitioner's position, so
 * a corrected name stays under its person's key), accused party {@code i} the {@code i}-th accused party. Immutable.
 *
 * @param caseId the case
 * @param kind whose key it is
 * @param index the petitioner's or accused party's position from 0; 0 for the case's own key
 * @since 0.9
 */
public record DataKey(CaseId caseId, Kind kind, int index) {
    /** The largest position accepted: a petition's headcount limit. */
    public static final int MAX_INDEX = 100_000;

    /** Whose data a key protects. */
    public enum Kind {
        /** The case's free text and any personal value not tied to one person. */
        CASE,
        /** One petitioner's name, ID number, phone and address. */
        PETITIONER,
        /** One accused party's name (an outside party, 被反映人). */
        ACCUSED
    }

    /**
     * @throws NullPointerException if caseId or kind is null
     * @throws IllegalArgumentException if index is negative, above {@value #MAX_INDEX}, or not 0 for a case key
     */
    public DataKey {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        if (index < 0 || index > MAX_INDEX) throw new IllegalArgumentException("index must be between 0 and " + MAX_INDEX);
        if (kind == Kind.CASE && index != 0) throw new IllegalArgumentException("index must be 0 for a case key");
    }

    /**
     * @param caseId the case
     * @return the key of the case's own free text
     */
    public static DataKey ofCase(CaseId caseId) {
        return new DataKey(caseId, Kind.CASE, 0);
    }

    /**
     * @param caseId the case
     * @param index the petitioner's position, from 0
     * @return the key of that petitioner's data
     */
    public static DataKey petitioner(CaseId caseId, int index) {
        return new DataKey(caseId, Kind.PETITIONER, index);
    }

    /**
     * @param caseId the case
     * @param index the accused party's position, from 0
     * @return the key of that accused party's name
     */
    public static DataKey accused(CaseId caseId, int index) {
        return new DataKey(caseId, Kind.ACCUSED, index);
    }

    /** @return the key's reference as stored beside each encrypted value: {@code case}, {@code p0}, {@code a2}... */
    public String ref() {
        return switch (kind) {
            case CASE -> "case";
            case PETITIONER -> "p" + index;
            case ACCUSED -> "a" + index;
        };
    }

    /**
     * Reads a stored reference.
     *
     * @param caseId the case it belongs to
     * @param ref the reference, as {@link #ref()} writes it
     * @return the key
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if ref is not a reference
     */
    public static DataKey parse(CaseId caseId, String ref) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(ref, "ref");
        if (ref.equals("case")) return ofCase(caseId);
        if (ref.length() >= 2 && ref.length() <= 7 && (ref.charAt(0) == 'p' || ref.charAt(0) == 'a')
                && ref.chars().skip(1).allMatch(c -> c >= '0' && c <= '9') && (ref.length() == 2 || ref.charAt(1) != '0')) {
            int index = Integer.parseInt(ref, 1, ref.length(), 10);
            if (index <= MAX_INDEX) return new DataKey(caseId, ref.charAt(0) == 'p' ? Kind.PETITIONER : Kind.ACCUSED, index);
        }
        throw new IllegalArgumentException("ref must be case, p<n> or a<n>");
    }

    @Override
    public String toString() {
        return "DataKey[" + caseId.value() + "/" + ref() + "]";
    }
}
