package io.github.xinfang.internal.codec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.PetitionForm.FormText;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;
import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.time.Obligation;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Internal: the implementation of {@link io.github.xinfang.service.ApplicationJson}, which documents the form.
 *
 * <p>Not API; may change without notice. Immutable and thread-safe.
 */
public final class PlainJson {
    private static final String DOMAIN_PACKAGE = "io.github.xinfang.";
    private static final String STARTER_PACKAGE = "io.github.xinfang.spring.";
    /** The property carrying an event's or a command's stored type name. */
    public static final String TYPE = "type";

    /** Raw strings of a form that are personal data, by record and component, with the typed value that masks them. */
    private static final Map<Class<?>, Map<String, Function<String, Object>>> PERSONAL_FIELDS = Map.of(
            PetitionForm.Petitioner.class, Map.of(
                    "name", PersonName::new, "idNumber", IdNumber::new,
                    "phone", PhoneNumber::new, "address", Address::new),
            PetitionForm.AccusedParty.class, Map.of("outsideName", FreeText::new),
            // a stored payload is the codec's JSON of an event or a snapshot, personal data in clear
            io.github.xinfang.persistence.StoredEvent.class, Map.of("payload", FreeText::new),
            io.github.xinfang.persistence.StoredSnapshot.class, Map.of("payload", FreeText::new));
    private static final Set<String> NOT_PROPERTIES = Set.of("toString", "hashCode", "toBuilder", "getClass");

    private final JsonMapper mapper;
    private final Map<String, Class<? extends CaseCommand>> commandsByName;
    /** The property names a refusal may name: those of the readable types (any other is input, and not echoed). */
    private final Set<String> propertyNames;
    private final ClassValue<List<Property>> properties = new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
            return propertiesOf(type);
        }
    };

    /** One written property: a constant (a type name) or an accessor, masked by a typed value when personal. */
    private record Property(String name, Object constant, Method accessor, Function<String, Object> personal) {}

    private PlainJson() {
        this.mapper = JsonMapper.builder()
                .addModule(new DomainModule(CaseCodec.MAX_STRING_LENGTH))
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .defaultLeniency(false)
                .build();
        Map<String, Class<? extends CaseCommand>> commands = new HashMap<>();
        TypeTable.commands().forEach((type, name) -> commands.put(name, type));
        this.commandsByName = Map.copyOf(commands);
        Set<String> names = new java.util.HashSet<>();
        for (Class<?> command : commands.values()) collectNames(command, names, new java.util.HashSet<>());
        this.propertyNames = Set.copyOf(names);
    }

    /** Collects the component names of a readable type and of the records it contains, to name paths safely. */
    private static void collectNames(java.lang.reflect.Type type, Set<String> names, Set<Class<?>> seen) {
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            for (java.lang.reflect.Type argument : p.getActualTypeArguments()) collectNames(argument, names, seen);
            return;
        }
        if (!(type instanceof Class<?> c) || !isDomain(c) || !seen.add(c)) return;
        if (c.isSealed()) for (Class<?> variant : c.getPermittedSubclasses()) collectNames(variant, names, seen);
        if (!c.isRecord()) return;
        for (RecordComponent rc : c.getRecordComponents()) {
            names.add(rc.getName());
            collectNames(rc.getGenericType(), names, seen);
        }
    }

    /** @return the application JSON; build one and share it */
    public static PlainJson create() {
        return new PlainJson();
    }

    /**
     * @param type a class
     * @return whether this class writes values of it: a record, the case state, an index row or a rejection of
     *     xinfang (not the starter's own types)
     */
    public boolean writes(Class<?> type) {
        if (!isDomain(type) || type.isEnum() || Throwable.class.isAssignableFrom(type)) return false;
        return type.isRecord() || type == CaseState.class || type == IndexRow.class || type == Rejection.class;
    }

    /**
     * @param type a class
     * @return whether this class reads values of it: a command or one of its tracks, a record with a stored shape
     *     (forms, actors' variants, value types), an actor, an accused party or a clock's source
     */
    public boolean reads(Class<?> type) {
        if (!isDomain(type) || type.isEnum() || Throwable.class.isAssignableFrom(type)) return false;
        if (CaseEvent.class.isAssignableFrom(type)) return false;
        return CaseCommand.class.isAssignableFrom(type) || type.isRecord() || TypeTable.variants(type) != null
                || type == Obligation.Source.class;
    }

    /**
     * Writes a value as plain values.
     *
     * @param value the value, or null
     * @param inClear whether personal data is written in clear (only when a caller asked for it, per call)
     * @return its plain form
     */
    public Object write(Object value, boolean inClear) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) return value;
        if (value instanceof Character c) return c.toString();
        if (value instanceof Enum<?> e) return e.name();
        if (value instanceof TemporalAccessor || value instanceof Duration || value instanceof java.time.Period) {
            return value.toString();
        }
        if (value instanceof Optional<?> o) return write(o.orElse(null), inClear);
        if (value instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>(c.size());
            for (Object item : c) list.add(write(item, inClear));
            return list;
        }
        if (value instanceof Object[] array) return write(List.of(array), inClear);
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.forEach((k, v) -> map.put(String.valueOf(write(k, inClear)), write(v, inClear)));
            return map;
        }
        Class<?> type = value.getClass();
        if (PersonalValues.personal(type) || type == FormText.class) return inClear ? read(value, type.getRecordComponents()[0]) : value.toString();
        if (value instanceof DutyId) return value.toString();
        if (StringValueSerializer.handles(type) && isDomain(type)) return read(value, type.getRecordComponents()[0]);
        // not one of xinfang's data types (an application's own item in a page): left to the application's mapper,
        // which writes any xinfang value inside it through this class again
        if (!writes(type)) return value;
        Map<String, Object> map = new LinkedHashMap<>();
        for (Property p : properties.get(type)) {
            Object v = p.constant() != null ? p.constant() : invoke(p.accessor(), value);
            if (!inClear && p.personal() != null && v instanceof String s) {
                map.put(p.name(), masked(s, p.personal()));
            } else {
                map.put(p.name(), write(v, inClear));
            }
        }
        return map;
    }

    /**
     * Reads a value from plain values.
     *
     * @param tree the plain values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean} or null)
     * @param type the type to read, one this class {@link #reads}
     * @param <T> the type
     * @return the value
     * @throws IllegalArgumentException if the input does not make a value of the type; the message names the path
     *     and the problem, never the input's text
     */
    public <T> T read(Object tree, Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (!reads(type)) throw new IllegalArgumentException("xinfang does not read " + type.getName() + " from JSON");
        Class<?> target = type;
        Object input = tree;
        if (CaseCommand.class.isAssignableFrom(type)) {
            if (!(tree instanceof Map<?, ?> map)) throw new IllegalArgumentException("a command is a JSON object");
            Object name = map.get(TYPE);
            if (name != null) {
                Class<? extends CaseCommand> named = name instanceof String s ? commandsByName.get(s) : null;
                if (named == null) throw new IllegalArgumentException("type: not a command's type name");
                if (!type.isAssignableFrom(named)) {
                    throw new IllegalArgumentException("type: names a command that is not a " + type.getSimpleName());
                }
                target = named;
                Map<Object, Object> rest = new LinkedHashMap<>(map);
                rest.remove(TYPE);
                input = rest;
            } else if (!type.isRecord()) {
                throw new IllegalArgumentException("type: missing (it names the command to read)");
            }
        }
        JsonNode node = mapper.valueToTree(complete(input, target));
        ObjectReader reader = mapper.readerFor(target);
        try {
            return type.cast(reader.readValue(node));
        } catch (CodecProblem e) {
            throw new IllegalArgumentException(message(target, path(e), e.getOriginalMessage()));
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(message(target, path(e), CaseCodec.describe(e)));
        } catch (IOException e) {
            throw new IllegalArgumentException(message(target, null, CaseCodec.describe(e)));
        }
    }

    /**
     * Adds the optional properties a request left out: a component of a record that is not primitive may be missing
     * from the JSON and reads as null (the stored form writes every component; a request need not).
     */
    private static Object complete(Object tree, java.lang.reflect.Type type) {
        if (type instanceof java.lang.reflect.ParameterizedType p && tree instanceof List<?> list
                && p.getRawType() == List.class) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) out.add(complete(item, p.getActualTypeArguments()[0]));
            return out;
        }
        if (!(type instanceof Class<?> c) || !(tree instanceof Map<?, ?> map) || !isDomain(c)) return tree;
        Map<String, Class<?>> variants = TypeTable.variants(c);
        if (variants != null) {
            Class<?> variant = map.get(TypeTable.DISCRIMINATOR) instanceof String kind ? variants.get(kind) : null;
            return variant == null ? tree : complete(tree, variant);
        }
        if (!c.isRecord() || StringValueSerializer.handles(c)) return tree;
        Map<Object, Object> out = new LinkedHashMap<>(map);
        for (RecordComponent rc : c.getRecordComponents()) {
            if (!out.containsKey(rc.getName())) {
                if (!rc.getType().isPrimitive()) out.put(rc.getName(), null);
            } else {
                out.put(rc.getName(), complete(out.get(rc.getName()), rc.getGenericType()));
            }
        }
        return out;
    }

    private String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(propertyNames.contains(r.getFieldName()) ? r.getFieldName() : "?");
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String message(Class<?> type, String path, String problem) {
        return "cannot read " + type.getSimpleName() + (path == null ? "" : " at " + path) + ": " + problem;
    }

    private static Object masked(String raw, Function<String, Object> typed) {
        try {
            return typed.apply(raw).toString();
        } catch (IllegalArgumentException e) {
            // Not a valid value of its type (a form is raw input): its length is all that is shown.
            return "(" + raw.codePointCount(0, raw.length()) + " chars)";
        }
    }

    private static boolean isDomain(Class<?> type) {
        String name = type.getName();
        return name.startsWith(DOMAIN_PACKAGE) && !name.startsWith(STARTER_PACKAGE);
    }

    private static Object read(Object value, RecordComponent component) {
        return invoke(component.getAccessor(), value);
    }

    private static Object invoke(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("accessor " + accessor.getName() + " of "
                    + target.getClass().getSimpleName() + " failed", e);
        }
    }

    private static List<Property> propertiesOf(Class<?> type) {
        List<Property> props = new ArrayList<>();
        TypeTable.EventType event = TypeTable.event(type);
        if (event != null) props.add(new Property(TYPE, event.name(), null, null));
        String command = TypeTable.command(type);
        if (command != null) props.add(new Property(TYPE, command, null, null));
        String kind = TypeTable.kindOf(type);
        if (kind != null) props.add(new Property(TypeTable.DISCRIMINATOR, kind, null, null));
        Map<String, Function<String, Object>> personal = PERSONAL_FIELDS.getOrDefault(type, Map.of());
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                Method accessor = rc.getAccessor();
                accessor.setAccessible(true);
                props.add(new Property(rc.getName(), null, accessor, personal.get(rc.getName())));
            }
        } else if (TypeTable.classProperties(type) != null) {
            for (Shape.Property sp : Shape.of(type).properties()) props.add(new Property(sp.name(), null, sp.accessor(), null));
        } else {
            List<Method> accessors = new ArrayList<>();
            for (Method m : type.getMethods()) {
                if (m.getDeclaringClass() != type || m.getParameterCount() != 0 || m.getReturnType() == void.class
                        || java.lang.reflect.Modifier.isStatic(m.getModifiers()) || NOT_PROPERTIES.contains(m.getName())) {
                    continue;
                }
                accessors.add(m);
            }
            accessors.sort(java.util.Comparator.comparing(Method::getName));
            for (Method m : accessors) props.add(new Property(m.getName(), null, m, null));
        }
        return List.copyOf(props);
    }
}
