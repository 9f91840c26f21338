package io.github.xinfang.internal.codec;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored shape of a domain type: its properties in order and the constructor taking them in that order. A
 * record's properties are its components and its canonical constructor; a final class listed in
 * {@link TypeTable#classProperties} (the case state) has the public accessors named there and its one constructor
 * with those parameters, which may be package-private (the codec is allowed to build what portals are not).
 * Immutable and thread-safe.
 *
 * @param type the type
 * @param properties its properties, in stored order
 * @param constructor the constructor taking them, made accessible
 */
record Shape(Class<?> type, List<Property> properties, Constructor<?> constructor) {

    /**
     * One property.
     *
     * @param name the stored name
     * @param genericType its declared type
     * @param accessor the method reading it
     */
    record Property(String name, Type genericType, Method accessor) {
        Class<?> rawType() {
            return accessor.getReturnType();
        }
    }

    /** @return whether the type has a stored shape: a record, or a class listed in {@link TypeTable#classProperties} */
    static boolean has(Class<?> type) {
        return type.isRecord() || TypeTable.classProperties(type) != null;
    }

    /**
     * @param type a record or a class listed in {@link TypeTable#classProperties}
     * @return its shape
     * @throws IllegalStateException if it has none, or its constructor does not match its properties
     */
    static Shape of(Class<?> type) {
        List<Property> props = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                props.add(new Property(rc.getName(), rc.getGenericType(), rc.getAccessor()));
            }
        } else {
            List<String> names = TypeTable.classProperties(type);
            if (names == null) throw new IllegalStateException("no stored shape for " + type.getName());
            for (String name : names) {
                try {
                    Method accessor = type.getMethod(name);
                    props.add(new Property(name, accessor.getGenericReturnType(), accessor));
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("no public accessor " + name + "() on " + type.getName(), e);
                }
            }
        }
        Class<?>[] raw = props.stream().map(Property::rawType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(raw);
            constructor.setAccessible(true);
            props.forEach(p -> p.accessor().setAccessible(true));
            return new Shape(type, List.copyOf(props), constructor);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no constructor of " + type.getName() + " taking its stored properties", e);
        }
    }
}
