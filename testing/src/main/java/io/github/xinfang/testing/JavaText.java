package io.github.xinfang.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.StringJoiner;

/** Renders domain values as Java source that builds them: records by their canonical constructors. Stateless. */
final class JavaText {
    private JavaText() {}

    static String of(Object value) {
        if (value == null) return "null";
        if (value instanceof String s) return quote(s);
        if (value instanceof Integer || value instanceof Boolean) return value.toString();
        if (value instanceof Long l) return l + "L";
        if (value instanceof Enum<?> e) return name(e.getDeclaringClass()) + "." + e.name();
        if (value instanceof LocalDate d) return "LocalDate.parse(\"" + d + "\")";
        if (value instanceof Instant i) return "Instant.parse(\"" + i + "\")";
        if (value instanceof Optional<?> o) return o.map(v -> "Optional.of(" + of(v) + ")").orElse("Optional.empty()");
        if (value instanceof Collection<?> c) {
            StringJoiner j = new StringJoiner(", ", "List.of(", ")");
            for (Object item : c) j.add(of(item));
            return j.toString();
        }
        Class<?> type = value.getClass();
        if (type.isRecord()) {
            StringJoiner j = new StringJoiner(", ", "new " + name(type) + "(", ")");
            for (RecordComponent rc : type.getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    j.add(of(rc.getAccessor().invoke(value)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + rc.getName() + " of " + type.getName(), e);
                }
            }
            return j.toString();
        }
        return quote(value.toString());
    }

    /** @return a nested type's name as Java source refers to it after importing its outermost class: Outer.Inner */
    static String name(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName() : name(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20 || Character.isSurrogate(ch) || (ch >= 0x7f && ch < 0xa0) || Character.getType(ch) == Character.FORMAT) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
