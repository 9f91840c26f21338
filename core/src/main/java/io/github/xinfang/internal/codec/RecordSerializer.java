package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a domain record (or another type with a {@link Shape}) as a JSON object whose property names are the
 * record component names, nulls written explicitly. In payload mode the properties follow the declaration order; in canonical mode
 * (writer attribute {@link #CANONICAL}) they are sorted by name. A variant of a sealed value type gets a
 * {@link TypeTable#DISCRIMINATOR} property; an event's {@code id} is left out (it travels in the stored
 * record's columns). Immutable and thread-safe.
 */
final class RecordSerializer extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    /** Writer attribute: when {@code Boolean.TRUE}, write the canonical form (sorted, no limit checks). */
    static final String CANONICAL = "xinfang.codec.canonical";

    /** One property: a component (accessor non-null) or the discriminator (constant non-null). */
    private record Property(String name, Method accessor, String constant) {}

    private final transient List<Property> declared;
    private final transient List<Property> sorted;
    private final int maxStringLength;

    RecordSerializer(Class<?> type, int maxStringLength) {
        super(type, false);
        this.maxStringLength = maxStringLength;
        List<Property> props = new ArrayList<>();
        String kind = TypeTable.kindOf(type);
        if (kind != null) props.add(new Property(TypeTable.DISCRIMINATOR, null, kind));
        boolean event = TypeTable.event(type) != null;
        for (Shape.Property sp : Shape.of(type).properties()) {
            if (event && sp.name().equals(RecordDeserializer.EVENT_ID)) continue;
            props.add(new Property(sp.name(), sp.accessor(), null));
        }
        this.declared = List.copyOf(props);
        props.sort(Comparator.comparing(Property::name));
        this.sorted = List.copyOf(props);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        boolean canonical = Boolean.TRUE.equals(provider.getAttribute(CANONICAL));
        gen.writeStartObject(value);
        for (Property p : canonical ? sorted : declared) {
            if (p.constant() != null) {
                gen.writeFieldName(p.name());
                gen.writeString(p.constant());
                continue;
            }
            Object v = read(p, value, gen);
            if (canonical && TypeTable.laterComponent(value.getClass(), p.name())
                    && (v == null || v instanceof java.util.Collection<?> c && c.isEmpty())) {
                continue;
            }
            gen.writeFieldName(p.name());
            if (v instanceof String s) {
                if (!canonical && s.length() > maxStringLength) {
                    throw JsonMappingException.wrapWithPath(
                            CodecProblem.writing(gen, "a string longer than " + maxStringLength + " characters"),
                            value, p.name());
                }
                gen.writeString(s);
            } else {
                try {
                    provider.defaultSerializeValue(v, gen);
                } catch (JsonMappingException e) {
                    e.prependPath(value, p.name());
                    throw e;
                }
            }
        }
        gen.writeEndObject();
    }

    private static Object read(Property p, Object value, JsonGenerator gen) throws JsonMappingException {
        try {
            return p.accessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw JsonMappingException.wrapWithPath(CodecProblem.writing(gen, "accessor failed"), value, p.name());
        }
    }
}
