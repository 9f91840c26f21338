package io.github.xinfang.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.testing.Sealed;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every event's constructor names the component it refuses: built from its golden sample with each component null in
 * turn, it either accepts the null (an optional component) or throws a {@link NullPointerException} whose message is
 * exactly that component's name; the header every event has (id, actor, recordedAt) is always required.
 */
class EventConstructorTests {
    private static final Set<String> HEADER = Set.of("id", "actor", "recordedAt");

    @Test
    void aNullComponentIsRefusedByItsName() throws Exception {
        int refused = 0;
        for (Class<?> type : Sealed.leaves(CaseEvent.class)) {
            Object sample = GoldenSamples.of(type);
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType().isPrimitive()) continue;
                Object[] args = new Object[components.length];
                for (int j = 0; j < components.length; j++) args[j] = components[j].getAccessor().invoke(sample);
                args[i] = null;
                String what = type.getSimpleName() + "." + components[i].getName();
                try {
                    canonical.newInstance(args);
                    assertThat(HEADER).as(what + " accepted null").doesNotContain(components[i].getName());
                } catch (InvocationTargetException e) {
                    assertThat(e.getCause()).as(what).isInstanceOf(NullPointerException.class)
                            .hasMessage(components[i].getName());
                    refused++;
                }
            }
        }
        assertThat(refused).as("components refused").isGreaterThan(150);
    }
}
