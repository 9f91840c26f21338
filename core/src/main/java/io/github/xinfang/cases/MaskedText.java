package io.github.xinfang.cases;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * The {@code toString} of a command that carries free text as strings: every component as a record prints it, the
 * named free-text components as their length only ({@code reason=(12 chars)}), so no petitioner's words reach a log.
 */
final class MaskedText {
    private MaskedText() {}

    /**
     * @param r the record
     * @param masked the names of its free-text components
     * @return {@code Name[a=1, reason=(12 chars), …]}
     */
    static String of(Record r, String... masked) {
        Set<String> hidden = Set.of(masked);
        StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('[');
        RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Object value;
            try {
                value = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError("a record accessor of " + r.getClass().getName() + " failed", e);
            }
            if (i > 0) sb.append(", ");
            sb.append(c.getName()).append('=');
            if (hidden.contains(c.getName()) && value != null) sb.append('(').append(((String) value).length()).append(" chars)");
            else sb.append(value);
        }
        return sb.append(']').toString();
    }
}
