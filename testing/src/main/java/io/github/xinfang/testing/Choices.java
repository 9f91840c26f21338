package io.github.xinfang.testing;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Where a {@link Gen} takes its decisions from: a sequence of bounded draws. Drawn from a seeded
 * {@link RandomGenerator} they make a random value; replayed from a recorded sequence they make the same value again;
 * replayed from a shorter or smaller sequence they make a simpler one, which is how {@link Shrinking} shrinks any
 * generator without knowing its type. A generator is written so that draw 0 is always the simplest choice (the
 * shortest list, the first stage, the earliest date). Every sequence of numbers is a valid input: a replayed draw past
 * the end is 0, one at or beyond its bound is taken modulo the bound. Not thread-safe: one per generation.
 *
 * @since 0.4
 */
public final class Choices {
    private final RandomGenerator random;
    private final int[] replay;
    private final java.util.function.IntUnaryOperator source;
    private int[] recorded = new int[16];
    private int size;

    private Choices(RandomGenerator random, int[] replay) {
        this(random, replay, null);
    }

    private Choices(RandomGenerator random, int[] replay, java.util.function.IntUnaryOperator source) {
        this.random = random;
        this.replay = replay;
        this.source = source;
    }

    /**
     * @param source answers a bound with a choice in {@code [0, bound)}: how a property-testing library's own source of
     *     randomness (and its own shrinking) drives a generator
     * @return draws taken from it, and recorded
     */
    public static Choices from(java.util.function.IntUnaryOperator source) {
        return new Choices(null, null, Objects.requireNonNull(source, "source"));
    }

    /**
     * @param random the source of randomness, seeded by the caller for reproducible runs
     * @return draws taken from it, and recorded
     */
    public static Choices random(RandomGenerator random) {
        return new Choices(Objects.requireNonNull(random, "random"), null);
    }

    /**
     * @param draws a recorded sequence ({@link #recorded()}), or one derived from it by shrinking
     * @return draws replayed from it, and recorded
     */
    public static Choices replay(int[] draws) {
        return new Choices(null, Objects.requireNonNull(draws, "draws").clone());
    }

    /**
     * @param bound the number of choices, at least 1
     * @return a choice in {@code [0, bound)}; 0 is the simplest
     * @throws IllegalArgumentException if bound is below 1
     */
    public int draw(int bound) {
        if (bound < 1) throw new IllegalArgumentException("bound must be at least 1");
        int value;
        if (source != null) {
            value = Math.floorMod(source.applyAsInt(bound), bound);
        } else if (random != null) {
            value = random.nextInt(bound);
        } else {
            value = size < replay.length ? Math.floorMod(replay[size], bound) : 0;
        }
        if (size == recorded.length) recorded = Arrays.copyOf(recorded, size * 2);
        recorded[size++] = value;
        return value;
    }

    /**
     * @param min the smallest value (the simplest)
     * @param max the largest value, at least min
     * @return a value in {@code [min, max]}
     */
    public int between(int min, int max) {
        if (max < min) throw new IllegalArgumentException("max must be at least min");
        return min + draw(max - min + 1);
    }

    /**
     * @param percent the chance of true, 0 to 100
     * @return true with that chance; false is the simpler answer
     */
    public boolean chance(int percent) {
        return draw(100) >= 100 - percent;
    }

    /** @return the draws taken so far, to replay or to shrink */
    public int[] recorded() {
        return Arrays.copyOf(recorded, size);
    }
}
