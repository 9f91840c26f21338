package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.github.xinfang.cases.CodecException.Problem;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a domain record (or another type with a {@link Shape}) from a JSON object by calling its canonical
 * constructor, so the compact constructor's checks always run and nothing half-built escapes. Strict: every component must be present
 * (null allowed where the constructor allows it), unknown properties are refused, strings, integers and
 * booleans must have exactly that JSON type. An event's {@code id} comes from the context attribute
 * {@link #EVENT_ID}, not from the payload. Each failure is a {@link CodecProblem} whose path names the
 * component. Immutable and thread-safe.
 */
final class RecordDeserializer extends StdDeserializer<Object> implements ResolvableDeserializer {
    private static final long serialVersionUID = 1L;

    /** The component of an event that is not in the payload, and the context attribute supplying it. */
    static final String EVENT_ID = "id";
    static final String EVENT_ID_ATTRIBUTE = "xinfang.codec.eventId";

    private final transient List<Shape.Property> components;
    private final transient JavaType[] types;
    private final transient Constructor<?> constructor;
    private final transient Map<String, Integer> index;
    private final int suppliedIndex;
    /**
     * The deserializer of each component that is neither primitive nor a string, found once when Jackson resolves this
     * one ({@link #resolve}): looking it up at every value introspects its class again.
     */
    private transient JsonDeserializer<Object>[] deserializers;

    RecordDeserializer(Class<?> type, TypeFactory typeFactory) {
        super(type);
        Shape shape = Shape.of(type);
        this.components = shape.properties();
        this.types = new JavaType[components.size()];
        Map<String, Integer> idx = new HashMap<>();
        int supplied = -1;
        boolean event = TypeTable.event(type) != null;
        for (int i = 0; i < components.size(); i++) {
            types[i] = typeFactory.constructType(components.get(i).genericType());
            idx.put(components.get(i).name(), i);
            if (event && components.get(i).name().equals(EVENT_ID)) supplied = i;
        }
        this.index = Map.copyOf(idx);
        this.suppliedIndex = supplied;
        this.constructor = shape.constructor();
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        JsonDeserializer<Object>[] found = new JsonDeserializer[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> raw = components.get(i).rawType();
            if (!raw.isPrimitive() && raw != String.class && raw != Integer.class && raw != Long.class && raw != Boolean.class) {
                found[i] = ctxt.findRootValueDeserializer(types[i]);
            }
        }
        deserializers = found;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            t = p.nextToken();
        } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
            throw CodecProblem.reading(p, Problem.WRONG_TYPE, "expected an object for " + handledType().getSimpleName());
        }
        Object[] args = new Object[components.size()];
        boolean[] seen = new boolean[components.size()];
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            Integer i = index.get(name);
            p.nextToken();
            if (i == null || i == suppliedIndex) {
                throw JsonMappingException.wrapWithPath(
                        CodecProblem.reading(p, Problem.UNKNOWN_FIELD, "not a field of " + handledType().getSimpleName()),
                        handledType(), TypeTable.isSchemaName(name) ? name : "?");
            }
            try {
                args[i] = component(p, ctxt, i);
            } catch (JsonMappingException e) {
                e.prependPath(handledType(), name);
                throw e;
            } catch (IOException e) {
                throw JsonMappingException.wrapWithPath(e, handledType(), name);
            }
            seen[i] = true;
        }
        for (int i = 0; i < components.size(); i++) {
            if (i == suppliedIndex) {
                args[i] = ctxt.getAttribute(EVENT_ID_ATTRIBUTE);
            } else if (!seen[i]) {
                throw JsonMappingException.wrapWithPath(
                        CodecProblem.reading(p, Problem.MISSING_FIELD, null), handledType(), components.get(i).name());
            }
        }
        return construct(p, args);
    }

    private Object component(JsonParser p, DeserializationContext ctxt, int i) throws IOException {
        JsonToken t = p.currentToken();
        Class<?> raw = components.get(i).rawType();
        if (t == JsonToken.VALUE_NULL) {
            if (raw.isPrimitive()) throw CodecProblem.reading(p, Problem.MISSING_FIELD, "null for a " + raw.getName());
            return null;
        }
        if (raw == String.class) {
            if (t != JsonToken.VALUE_STRING) throw CodecProblem.reading(p, Problem.WRONG_TYPE, "expected a string");
            return p.getText();
        }
        if (raw == int.class || raw == Integer.class) {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                throw CodecProblem.reading(p, Problem.WRONG_TYPE, "expected a 32-bit integer");
            }
            return p.getIntValue();
        }
        if (raw == long.class || raw == Long.class) {
            if (t != JsonToken.VALUE_NUMBER_INT
                    || (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG)) {
                throw CodecProblem.reading(p, Problem.WRONG_TYPE, "expected a 64-bit integer");
            }
            return p.getLongValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
            if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
            throw CodecProblem.reading(p, Problem.WRONG_TYPE, "expected a boolean");
        }
        if (raw.isPrimitive()) throw new IllegalStateException("unsupported primitive " + raw + " in " + handledType());
        JsonDeserializer<Object>[] resolved = deserializers;
        Object value = resolved != null && resolved[i] != null ? resolved[i].deserialize(p, ctxt) : ctxt.readValue(p, types[i]);
        if (value instanceof List<?> list) {
            for (int at = 0; at < list.size(); at++) {
                if (list.get(at) == null) {
                    CodecProblem problem = CodecProblem.reading(p, Problem.MISSING_FIELD, "null element");
                    problem.prependPath(list, at);
                    throw problem;
                }
            }
        }
        return value;
    }

    private Object construct(JsonParser p, Object[] args) throws JsonMappingException {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable refusal = e.getCause();
            String field = blamedComponent(refusal);
            Problem problem = refusal instanceof NullPointerException && field != null ? Problem.MISSING_FIELD : Problem.INVALID_VALUE;
            CodecProblem cp = CodecProblem.refused(p, problem, handledType(), refusal);
            if (field != null) cp.prependPath(handledType(), field);
            throw cp;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call the canonical constructor of " + handledType().getName(), e);
        }
    }

    /**
     * Domain constructors name the parameter they refuse: {@code requireNonNull(x, "x")}, or a message that
     * starts with the parameter's name ("headcount must be ...").
     */
    private String blamedComponent(Throwable refusal) {
        String m = refusal == null ? null : refusal.getMessage();
        if (m == null) return null;
        int end = 0;
        while (end < m.length() && Character.isJavaIdentifierPart(m.charAt(end))) end++;
        String first = m.substring(0, end);
        boolean wholeMessage = end == m.length();
        if (!index.containsKey(first) || index.get(first) == suppliedIndex) return null;
        return wholeMessage || m.charAt(end) == ' ' || m.charAt(end) == ':' ? first : null;
    }
}
