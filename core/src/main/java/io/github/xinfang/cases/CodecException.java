package io.github.xinfang.cases;

import io.github.xinfang.persistence.XinfangException;

import java.util.Objects;
import java.util.Optional;

/**
 * A stored event or snapshot could not be decoded, or a value could not be encoded: unknown type name,
 * unsupported schema version, malformed JSON, a size limit exceeded, a missing, unknown or ill-typed field,
 * or a value that its domain type refuses.
 *
 * <p>The message names the type, the schema version, the field's path (such as
 * {@code petition.petitioners[0].idNumber}) and the kind of problem; it never quotes the payload, because
 * payloads hold personal data. For the same reason the parser's own exception is not kept as the cause
 * (its message quotes input); a cause is kept only when a domain constructor refused a value, since those
 * messages name parameters only. Field paths contain only field names of the codec's schema and array
 * indexes; a name the schema does not know is shown as {@code ?}.
 *
 * <p>Immutable once thrown.
 *
 * @since 0.1
 */
public final class CodecException extends XinfangException {
    private static final long serialVersionUID = 1L;

    /**
     * What went wrong.
     *
     * @since 0.1
     */
    public enum Problem {
        /** The type name is not in the codec's table. */
        UNKNOWN_TYPE("unknown type name"),
        /** The type is known but its schema version is not supported (and no upcaster exists). */
        UNSUPPORTED_SCHEMA_VERSION("unsupported schema version"),
        /** The payload is not well-formed JSON (truncated, trailing content, duplicate keys...). */
        MALFORMED_JSON("malformed JSON"),
        /** A limit on document length, string length or nesting depth was exceeded. */
        LIMIT_EXCEEDED("size limit exceeded"),
        /** A field the schema requires is absent, or null where a value is required. */
        MISSING_FIELD("missing required field"),
        /** The payload has a field the schema does not know. */
        UNKNOWN_FIELD("unknown field"),
        /** A field holds the wrong kind of JSON value (a number for a string, an object for a list...). */
        WRONG_TYPE("wrong field type"),
        /** A field has the right JSON type but its domain type refuses the value. */
        INVALID_VALUE("invalid value"),
        /** A value could not be turned into a payload. */
        NOT_ENCODABLE("cannot encode");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        /** @return a short English description, used in messages */
        public String description() {
            return description;
        }
    }

    private final String typeName;
    private final int schemaVersion;
    private final Problem problem;
    private final String fieldPath;

    /**
     * Creates a codec failure.
     *
     * @param typeName the stable type name concerned (an event type name, or the snapshot's type name)
     * @param schemaVersion the schema version of the stored record, or 0 when encoding
     * @param problem what went wrong
     * @param fieldPath the path of the offending field, or null when the problem concerns the whole record
     * @param detail a short explanation without any payload text, or null
     * @param cause a cause whose message carries no payload text, or null
     */
    public CodecException(String typeName, int schemaVersion, Problem problem, String fieldPath, String detail,
                          Throwable cause) {
        super(message(typeName, schemaVersion, problem, fieldPath, detail), cause);
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.schemaVersion = schemaVersion;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.fieldPath = fieldPath;
    }

    private static String message(String typeName, int schemaVersion, Problem problem, String fieldPath, String detail) {
        StringBuilder m = new StringBuilder();
        m.append(problem == Problem.NOT_ENCODABLE ? "cannot encode " : "cannot decode ").append(typeName);
        if (schemaVersion > 0) m.append(" v").append(schemaVersion);
        if (fieldPath != null) m.append(" at field ").append(fieldPath);
        m.append(": ").append(problem == null ? "?" : problem.description());
        if (detail != null) m.append(" (").append(detail).append(')');
        return m.toString();
    }

    /**
     * @return the stable type name of the event, command or snapshot concerned, never a class name; for an
     *     unknown stored type name that is not a plain identifier ({@code [A-Za-z0-9._-]}, at most 100
     *     characters), {@code (unprintable type name)}
     */
    public String typeName() {
        return typeName;
    }

    /** @return the stored record's schema version, or 0 when the failure happened while encoding */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** @return what went wrong */
    public Problem problem() {
        return problem;
    }

    /**
     * @return the path of the offending field, such as {@code petition.petitioners[0].idNumber}, or empty when
     *     the problem concerns the whole record (unknown type, schema version, an empty payload)
     */
    public Optional<String> fieldPath() {
        return Optional.ofNullable(fieldPath);
    }
}
