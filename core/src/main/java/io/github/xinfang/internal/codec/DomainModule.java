package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;

import java.util.Map;

/**
 * The Jackson module for xinfang's domain types, so that they need no annotation:
 * <ul>
 *   <li>a record whose only component is {@code String value} (ids, codes, names, free text) is a JSON string;</li>
 *   <li>a variant of a sealed value type (actors, accused parties) is an object with a {@code kind} property;</li>
 *   <li>any other record is an object of its components, by component name, nulls included, and so is the
 *       case state, a final class whose stored properties {@link TypeTable#classProperties} lists;</li>
 *   <li>instants and dates are ISO-8601 strings ({@link IsoTime});</li>
 *   <li>a clock's source, a profile clock or a duty, is its text form ({@link SourceText}).</li>
 * </ul>
 * Applies to records in {@code io.github.xinfang} packages only. Immutable once registered.
 */
final class DomainModule extends SimpleModule {
    private static final long serialVersionUID = 1L;
    private static final String DOMAIN_PACKAGE = "io.github.xinfang.";

    private final int maxStringLength;

    DomainModule(int maxStringLength) {
        super("xinfang-domain");
        this.maxStringLength = maxStringLength;
        addSerializer(java.time.Instant.class, IsoTime.instantWriter());
        addDeserializer(java.time.Instant.class, IsoTime.instantReader());
        addSerializer(java.time.LocalDate.class, IsoTime.dateWriter());
        addDeserializer(java.time.LocalDate.class, IsoTime.dateReader());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addSerializers(new DomainSerializers(maxStringLength));
        context.addDeserializers(new DomainDeserializers());
    }

    private static boolean isDomain(Class<?> type) {
        return type.getName().startsWith(DOMAIN_PACKAGE);
    }

    private static final class DomainSerializers extends Serializers.Base {
        private final int maxStringLength;

        DomainSerializers(int maxStringLength) {
            this.maxStringLength = maxStringLength;
        }

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            if (raw == io.github.xinfang.time.Obligation.DutyId.class) return new SourceText.Writer();
            if (!Shape.has(raw) || !isDomain(raw)) return null;
            if (StringValueSerializer.handles(raw)) return new StringValueSerializer(raw, maxStringLength);
            return new RecordSerializer(raw, maxStringLength);
        }
    }

    private static final class DomainDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            if (!isDomain(raw)) return null;
            if (raw == io.github.xinfang.time.Obligation.Source.class) return new SourceText.Reader();
            Map<String, Class<?>> variants = TypeTable.variants(raw);
            if (variants != null) return new SealedDeserializer(raw, variants);
            if (!Shape.has(raw)) return null;
            if (StringValueSerializer.handles(raw)) return new StringValueDeserializer(raw);
            return new RecordDeserializer(raw, config.getTypeFactory());
        }
    }
}
