package io.github.xinfang.internal.text;

import java.util.function.Supplier;

/**
 * The scope in which the codec reads stored records: inside it, value constructors accept text that an older
 * release stored before the text rule ({@link io.github.xinfang.text.TextRule}) was enforced, so that nothing
 * already stored becomes unreadable. New input never runs inside it.
 *
 * <p>The scope is a dynamic parameter of the current thread (what {@code ScopedValue} expresses on later
 * JDKs): it is set only for the duration of {@link #read} and always cleared, so it holds no state between
 * calls and none that another thread can see.
 */
public final class StoredText {
    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    private StoredText() {}

    /**
     * Runs a decoding step in the scope.
     *
     * @param decode the decoding step
     * @param <T> what it returns
     * @return what the step returned
     */
    public static <T> T read(Supplier<T> decode) {
        if (READING.get() != null) return decode.get();
        READING.set(Boolean.TRUE);
        try {
            return decode.get();
        } finally {
            READING.remove();
        }
    }

    /** @return whether the current thread is reading stored records */
    public static boolean reading() {
        return READING.get() != null;
    }
}
