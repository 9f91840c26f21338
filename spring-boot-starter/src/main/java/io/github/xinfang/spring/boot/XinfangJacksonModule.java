package io.github.xinfang.spring.boot;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.github.xinfang.service.ApplicationJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.Serializers;

import java.util.Objects;

/**
 * xinfang's values in the application's own Jackson mapper (Jackson 3 on Spring Boot 4; the Boot 3.5 starter has the
 * same class for Jackson 2): value types as JSON strings both ways, commands readable (a {@code type} property names
 * the command when the declared type is {@code CaseCommand} or one of its tracks), events written with their stored
 * {@code type} name and id, actors, index rows, rejections, obligation statuses, reports and histories writable.
 * The starter registers it as a bean, which Spring Boot adds to the application's {@code JsonMapper}.
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
    public static final String JACKSON_API = "tools.jackson.databind.json.JsonMapper";
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
            public ValueSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription.Supplier beanDesc,
                    JsonFormat.Value formatOverrides) {
                return json.writes(type.getRawClass()) ? writer : null;
            }
        });
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
                return json.reads(valueType);
            }

            @Override
            public ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription.Supplier beanDesc) {
                return json.reads(type.getRawClass()) ? new Reader(json, type.getRawClass()) : null;
            }
        });
    }

    private static final class Writer extends ValueSerializer<Object> {
        private final ApplicationJson json;

        Writer(ApplicationJson json) {
            this.json = json;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
            ctxt.writeValue(gen, json.write(value, Boolean.TRUE.equals(ctxt.getAttribute(IN_CLEAR))));
        }
    }

    private static final class Reader extends ValueDeserializer<Object> {
        private final ApplicationJson json;
        private final Class<?> type;

        Reader(ApplicationJson json, Class<?> type) {
            this.json = json;
            this.type = type;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object tree = ctxt.readValue(p, Object.class);
            try {
                return json.read(tree, type);
            } catch (IllegalArgumentException e) {
                return ctxt.reportInputMismatch(type, "%s", e.getMessage());
            }
        }
    }
}
