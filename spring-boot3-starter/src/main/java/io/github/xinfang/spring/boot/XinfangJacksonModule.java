package io.github.xinfang.spring.boot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import io.github.xinfang.service.ApplicationJson;

import java.io.IOException;
import java.util.Objects;

/**
 * xinfang's values in the application's own Jackson mapper (Jackson 2 on Spring Boot 3.5; the Boot 4 starter has the
 * same class for Jackson 3): value types as JSON strings both ways, commands readable (a {@code type} property names
 * the command when the declared type is {@code CaseCommand} or one of its tracks), events written with their stored
 * {@code type} name and id, actors, index rows, rejections, obligation statuses, reports and histories writable.
 * The starter registers it as a bean, which Spring Boot adds to the application's {@code ObjectMapper}.
 *
 * <p><b>Personal data is masked on write</b> (names, ID numbers, phones, addresses, free text: 张三 → 张*, 138****5678,
 * {@code (12 chars)}). Only a writer the caller asks for, per call, writes it in clear: {@link #inClear(ObjectMapper)}.
 * There is no property that turns masking off for the whole application.
 *
 * <p>A value that does not read (a bad id, an unknown command type, a date that is not one) fails the read with a
 * message naming the path and the problem, never the input's text; Spring MVC answers it 400. Thread-safe.
 *
 * @since 0.4
 */
public final class XinfangJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The Jackson of this Boot line; when it is on the classpath, the module is defined. */
    public static final String JACKSON_API = "com.fasterxml.jackson.databind.ObjectMapper";
    /** The writer attribute that, set to {@code Boolean.TRUE}, writes personal data in clear. */
    public static final String IN_CLEAR = "xinfang.json.in-clear";

    private final transient ApplicationJson json;

    /** A module over its own {@link ApplicationJson}. */
    public XinfangJacksonModule() {
        super("xinfang");
        this.json = ApplicationJson.create();
    }

    /**
     * A writer of the mapper that writes personal data in clear: for the one response that must show it (a
     * petitioner's own copy, an export under the bureau's authority). Ask for it per call; do not keep it in a field
     * that other code reaches.
     *
     * @param mapper the application's mapper, with this module registered
     * @return a writer that writes personal data in clear
     */
    public static ObjectWriter inClear(ObjectMapper mapper) {
        return Objects.requireNonNull(mapper, "mapper").writer().withAttribute(IN_CLEAR, Boolean.TRUE);
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        Writer writer = new Writer(json);
        context.addSerializers(new Serializers.Base() {
            @Override
            public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
                return json.writes(type.getRawClass()) ? writer : null;
            }
        });
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
                return json.reads(valueType);
            }

            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
                return json.reads(type.getRawClass()) ? new Reader(json, type.getRawClass()) : null;
            }
        });
    }

    private static final class Writer extends JsonSerializer<Object> {
        private final ApplicationJson json;

        Writer(ApplicationJson json) {
            this.json = json;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(json.write(value, Boolean.TRUE.equals(provider.getAttribute(IN_CLEAR))), gen);
        }
    }

    private static final class Reader extends JsonDeserializer<Object> {
        private final ApplicationJson json;
        private final Class<?> type;

        Reader(ApplicationJson json, Class<?> type) {
            this.json = json;
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object tree = ctxt.readValue(p, Object.class);
            try {
                return json.read(tree, type);
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(type, "%s", e.getMessage());
            }
        }
    }
}
