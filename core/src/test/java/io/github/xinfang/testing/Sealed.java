package io.github.xinfang.testing;

import java.util.ArrayList;
import java.util.List;

/** The leaves of a sealed hierarchy: {@code CaseCommand}'s records under its track interfaces, for instance. */
public final class Sealed {
    private Sealed() {}

    /**
     * @param root a sealed type
     * @return its permitted subclasses that are not sealed themselves, found through every sealed level
     */
    public static Class<?>[] leaves(Class<?> root) {
        List<Class<?>> leaves = new ArrayList<>();
        collect(root, leaves);
        return leaves.toArray(Class<?>[]::new);
    }

    private static void collect(Class<?> type, List<Class<?>> leaves) {
        for (Class<?> sub : type.getPermittedSubclasses()) {
            if (sub.isSealed()) collect(sub, leaves);
            else leaves.add(sub);
        }
    }
}
