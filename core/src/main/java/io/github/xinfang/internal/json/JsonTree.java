package io.github.xinfang.internal.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one JSON document, and nothing after it, into plain values: an object becomes an unmodifiable
 * {@code Map<String, Object>} in document order, an array an unmodifiable {@code List<Object>}, a string a
 * {@code String}, {@code true}/{@code false} a {@code Boolean}, {@code null} a Java {@code null} (so a key present
 * with {@code null} is told from a missing key by {@code containsKey}), a whole number an {@code Integer},
 * {@code Long} or {@code BigInteger} (the smallest that holds it), any other number a {@code Double}.
 * Duplicate keys, comments and trailing content are refused. The reader is read to the document's end and not
 * closed.
 *
 * <p>Stateless apart from its immutable factory; thread-safe.
 */
public final class JsonTree {
    private final JsonFactory factory;

    private JsonTree(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * A reader with limits.
     *
     * @param maxDocumentChars the longest document, in characters
     * @param maxStringChars the longest string, in characters
     * @param maxDepth the deepest nesting of arrays and objects
     * @return the reader
     */
    public static JsonTree withLimits(long maxDocumentChars, int maxStringChars, int maxDepth) {
        return new JsonTree(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxDocumentChars)
                        .maxStringLength(maxStringChars)
                        .maxNestingDepth(maxDepth)
                        .build())
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build());
    }

    /**
     * Reads one document.
     *
     * @param reader the JSON text
     * @return the document's value (null for the document {@code null})
     * @throws Problem when the text is empty, is not one well-formed JSON document within the limits, or cannot be
     *     read
     */
    public Object read(Reader reader) throws Problem {
        Objects.requireNonNull(reader, "reader");
        try (JsonParser parser = factory.createParser(reader)) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) throw new Problem(Problem.Kind.EMPTY, null, "empty input", null);
                Object value = value(parser, first);
                if (parser.nextToken() != null) {
                    throw new Problem(Problem.Kind.CONTENT_AFTER, parser.currentLocation(), "content after the document", null);
                }
                return value;
            } catch (StreamConstraintsException e) {
                String limit = e.getOriginalMessage() == null ? "a size limit is exceeded"
                        : e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
                throw new Problem(Problem.Kind.TOO_LARGE, location(e, parser), limit, e);
            } catch (JacksonException e) {
                throw new Problem(e instanceof JsonParseException ? Problem.Kind.MALFORMED : Problem.Kind.UNREADABLE,
                        location(e, parser), brief(e.getOriginalMessage()), e);
            }
        } catch (IOException e) {
            throw new Problem(Problem.Kind.IO, null, String.valueOf(e.getMessage()), e);
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) list.add(value(p, n));
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    /** A parser's message, cut short: Jackson repeats up to 256 characters of an unrecognised token. */
    private static String brief(String message) {
        if (message == null) return "no detail";
        return message.length() <= 160 ? message : message.substring(0, 160) + "…";
    }

    private static JsonLocation location(JacksonException e, JsonParser parser) {
        return e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    }

    /** Why a document was refused, where, and the parser's words for it (never more than 160 characters of input). */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        /** The kinds of refusal. */
        public enum Kind {
            /** The input holds no JSON value. */
            EMPTY,
            /** A limit on size, string length or nesting is exceeded. */
            TOO_LARGE,
            /** The text is not well-formed JSON (including a duplicate key). */
            MALFORMED,
            /** Well-formed text the reader could not take. */
            UNREADABLE,
            /** Something follows the document. */
            CONTENT_AFTER,
            /** The reader failed. */
            IO
        }

        private final Kind kind;
        private final int line;
        private final int column;
        private final String detail;

        Problem(Kind kind, JsonLocation at, String detail, Throwable cause) {
            super(kind + ": " + detail, cause, false, false);
            this.kind = kind;
            this.line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            this.column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
            this.detail = detail;
        }

        /** @return the kind of refusal */
        public Kind kind() {
            return kind;
        }

        /** @return the line, from 1, or 0 when unknown */
        public int line() {
            return line;
        }

        /** @return the column, from 1, or 0 when unknown */
        public int column() {
            return column;
        }

        /**
         * @param unknown what to say when the position is unknown
         * @return {@code line L, column C}, or {@code unknown}
         */
        public String where(String unknown) {
            return line < 1 ? unknown : "line " + line + ", column " + column;
        }

        /** @return the parser's description, or the exceeded limit (numbers only) */
        public String detail() {
            return detail;
        }
    }
}
