package io.github.xinfang.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A generator: decisions in, a value out. Framework-neutral: call {@link #next(RandomGenerator)} with a seeded
 * generator from any property-testing library (or none), and shrink a failing value with {@link Shrinking}, which
 * replays simpler decisions; {@link QuickTheoriesGen} adapts a generator to QuickTheories. Generators are immutable and
 * may be shared; each generation gets its own {@link Choices}.
 *
 * @param <T> the generated type
 * @since 0.4
 */
@FunctionalInterface
public interface Gen<T> {
    /**
     * @param choices where the decisions come from
     * @return a value
     */
    T generate(Choices choices);

    /**
     * @param random a seeded source
     * @return a value
     */
    default T next(RandomGenerator random) {
        return generate(Choices.random(random));
    }

    /**
     * @param f the function
     * @param <R> its result type
     * @return a generator of the function's results
     */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "f");
        return c -> f.apply(generate(c));
    }

    /**
     * @param f chooses the next generator from this one's value
     * @param <R> its type
     * @return a generator of the chosen generators' values
     */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        Objects.requireNonNull(f, "f");
        return c -> f.apply(generate(c)).generate(c);
    }

    /**
     * @param value the value
     * @param <T> its type
     * @return a generator of that value only
     */
    static <T> Gen<T> constant(T value) {
        return c -> value;
    }

    /**
     * @param min the smallest (simplest)
     * @param max the largest
     * @return a generator of integers in {@code [min, max]}
     */
    static Gen<Integer> between(int min, int max) {
        if (max < min) throw new IllegalArgumentException("max must be at least min");
        return c -> c.between(min, max);
    }

    /**
     * @param values the values, simplest first
     * @param <T> their type
     * @return a generator of one of them
     * @throws IllegalArgumentException if there are none
     */
    static <T> Gen<T> oneOf(List<? extends T> values) {
        List<T> copy = List.copyOf(values);
        if (copy.isEmpty()) throw new IllegalArgumentException("values must not be empty");
        return c -> copy.get(c.draw(copy.size()));
    }

    /**
     * @param element the elements' generator
     * @param min the fewest elements (the simplest)
     * @param max the most
     * @param <T> the elements' type
     * @return a generator of lists
     */
    static <T> Gen<List<T>> listOf(Gen<? extends T> element, int min, int max) {
        Objects.requireNonNull(element, "element");
        if (min < 0 || max < min) throw new IllegalArgumentException("0 <= min <= max must hold");
        // each element past the fewest is preceded by a "one more" draw, so that deleting the pair deletes the element
        return c -> {
            List<T> out = new ArrayList<>();
            for (int i = 0; i < min; i++) out.add(element.generate(c));
            while (out.size() < max && c.draw(4) != 0) out.add(element.generate(c));
            return List.copyOf(out);
        };
    }
}
