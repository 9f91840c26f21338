package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.github.xinfang.cases.CodecException.Problem;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Reads a single-value record from a JSON string through its canonical constructor; a value the
 * constructor refuses (a malformed ID number, a blank name) becomes a {@link CodecProblem} of kind
 * {@link Problem#INVALID_VALUE}. Immutable and thread-safe.
 */
final class StringValueDeserializer extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;

    private final transient Constructor<?> constructor;

    StringValueDeserializer(Class<?> type) {
        super(type);
        try {
            this.constructor = type.getDeclaredConstructor(String.class);
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor on " + type.getName(), e);
        }
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw CodecProblem.reading(p, Problem.WRONG_TYPE, "expected a string for " + handledType().getSimpleName());
        }
        try {
            return constructor.newInstance(p.getText());
        } catch (InvocationTargetException e) {
            throw CodecProblem.refused(p, handledType(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call the canonical constructor of " + handledType().getName(), e);
        }
    }
}
