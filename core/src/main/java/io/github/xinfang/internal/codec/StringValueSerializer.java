package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.xinfang.petition.Withheld;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Writes a single-value record ({@code record X(String value)}: ids, region codes, names, free text...) as
 * a plain JSON string. Immutable and thread-safe.
 */
final class StringValueSerializer extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    private final transient Method accessor;
    private final int maxStringLength;
    /** Whether values of the type are personal data, written through the encoding's {@link PersonalValues.Writer}. */
    private final boolean personal;

    StringValueSerializer(Class<?> type, int maxStringLength) {
        super(type, false);
        this.personal = PersonalValues.personal(type);
        this.accessor = type.getRecordComponents()[0].getAccessor();
        this.accessor.setAccessible(true);
        this.maxStringLength = maxStringLength;
    }

    /** @return whether a type is written by this serializer: a record whose only component is {@code String value} */
    static boolean handles(Class<?> type) {
        if (!type.isRecord()) return false;
        var components = type.getRecordComponents();
        return components.length == 1 && components[0].getName().equals("value") && components[0].getType() == String.class;
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        String s;
        try {
            s = (String) accessor.invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw CodecProblem.writing(gen, "accessor of " + handledType().getSimpleName() + " failed");
        }
        if (!Boolean.TRUE.equals(provider.getAttribute(RecordSerializer.CANONICAL)) && s.length() > maxStringLength) {
            throw CodecProblem.writing(gen, "a string longer than " + maxStringLength + " characters");
        }
        if (personal && provider.getAttribute(PersonalValues.WRITER) instanceof PersonalValues.Writer writer
                && Withheld.of(s).isEmpty()) {
            writer.write(gen, s);
        } else {
            gen.writeString(s);
        }
    }
}
