package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.xinfang.cases.CodecException.Problem;
import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.time.Obligation;
import java.io.IOException;

/**
 * A clock's source ({@link Obligation.Source}) as a JSON string, its text form: a profile clock's name
 * ({@code HANDLING}, as an enum always was) or a duty's {@code KIND:ref}. So a sweep record about a profile clock is
 * stored, and digested, exactly as before duties were clocks too. Immutable and thread-safe.
 */
final class SourceText {
    private SourceText() {}

    /** Writes a duty's id as its text form (a profile clock, an enum, is written by name already). */
    static final class Writer extends StdSerializer<DutyId> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(DutyId.class);
        }

        @Override
        public void serialize(DutyId value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** Reads a source from its text form; a text naming neither a clock nor a duty is an invalid value. */
    static final class Reader extends StdDeserializer<Obligation.Source> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(Obligation.Source.class);
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Obligation.Source deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw CodecProblem.reading(p, Problem.WRONG_TYPE, "expected a string for a clock");
            }
            try {
                return Obligation.Source.parse(p.getText());
            } catch (IllegalArgumentException e) {
                throw CodecProblem.refused(p, Obligation.Source.class, e);
            }
        }
    }
}
