package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.xinfang.cases.CodecException.Problem;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The stored form of time, owned here rather than by a Jackson module so that it never changes with
 * Jackson's settings: an {@link Instant} is an ISO-8601 string in UTC with as many fraction digits as needed
 * ({@code 2024-03-01T02:03:04.123456789Z}), a {@link LocalDate} is {@code 2024-03-01}. Reading accepts
 * exactly these strings (strict calendar: no 30 February), never numbers or arrays. Immutable and thread-safe.
 */
final class IsoTime {
    private IsoTime() {}

    static final class Writer<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient DateTimeFormatter format;

        Writer(Class<T> type, DateTimeFormatter format) {
            super(type);
            this.format = format;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format.format((java.time.temporal.TemporalAccessor) value));
        }
    }

    static final class Reader<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> parse;

        Reader(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw CodecProblem.reading(p, Problem.WRONG_TYPE, "expected an ISO-8601 string for " + handledType().getSimpleName());
            }
            try {
                return parse.apply(p.getText());
            } catch (DateTimeException e) {
                // The parser's message quotes the text: not kept.
                throw CodecProblem.reading(p, Problem.INVALID_VALUE, "not an ISO-8601 " + handledType().getSimpleName());
            }
        }
    }

    static Writer<Instant> instantWriter() {
        return new Writer<>(Instant.class, DateTimeFormatter.ISO_INSTANT);
    }

    static Reader<Instant> instantReader() {
        return new Reader<>(Instant.class, s -> DateTimeFormatter.ISO_INSTANT.parse(s, Instant::from));
    }

    static Writer<LocalDate> dateWriter() {
        return new Writer<>(LocalDate.class, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    static Reader<LocalDate> dateReader() {
        return new Reader<>(LocalDate.class, s -> LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE));
    }
}
