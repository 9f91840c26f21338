package io.github.xinfang.testing;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Shrinks a failing value of any {@link Gen} towards a simpler one that still fails, by replaying simpler decisions:
 * single draws set to 0 (the simplest choice), spans of draws deleted (shorter lists, fewer steps), single draws
 * lowered a little (halved, less one), repeated while any of them helps. Each
 * candidate is generated again and kept only if it still fails, so a shrunk command sequence is still one the
 * generator makes: valid, on the calendar, within its time limits. Deterministic; stops after a fixed number of
 * attempts.
 *
 * @since 0.4
 */
public final class Shrinking {
    /** The most candidates one shrink tries. */
    public static final int MAX_ATTEMPTS = 1_000;

    private Shrinking() {}

    /**
     * The result of a shrink.
     *
     * @param value the simplest failing value found
     * @param draws the draws that make it ({@link Choices#replay})
     * @param attempts candidates tried
     * @param <T> the value's type
     */
    public record Shrunk<T>(T value, int[] draws, int attempts) {}

    /**
     * @param gen the generator that made the failing value
     * @param failingDraws the draws that made it ({@link Choices#recorded()})
     * @param fails whether a value fails the property (true for the failing value); an exception it throws counts as
     *     a failure
     * @param <T> the type
     * @return the simplest failing value found
     */
    public static <T> Shrunk<T> shrink(Gen<T> gen, int[] failingDraws, Predicate<? super T> fails) {
        Objects.requireNonNull(gen, "gen");
        Objects.requireNonNull(fails, "fails");
        Choices first = Choices.replay(failingDraws);
        T best = gen.generate(first);
        int[] bestDraws = first.recorded();
        int attempts = 0;
        boolean improved = true;
        while (improved && attempts < MAX_ATTEMPTS) {
            improved = false;
            // 1. each draw to 0, earliest first: fewer cases, the first target, the shortest path
            for (int i = 0; i < bestDraws.length && attempts < MAX_ATTEMPTS; i++) {
                if (bestDraws[i] == 0) continue;
                int[] candidate = bestDraws.clone();
                candidate[i] = 0;
                attempts++;
                Choices replay = Choices.replay(candidate);
                T value = tryGenerate(gen, replay);
                if (value != null && simpler(replay.recorded(), bestDraws) && failsQuietly(fails, value)) {
                    best = value;
                    bestDraws = replay.recorded();
                    improved = true;
                }
            }
            // 2. spans of draws deleted, halving the span: fewer steps, shorter lists
            for (int span = Integer.highestOneBit(Math.max(1, bestDraws.length / 2)); span >= 1 && attempts < MAX_ATTEMPTS; span /= 2) {
                for (int from = 0; from + span <= bestDraws.length && attempts < MAX_ATTEMPTS; from += span > 2 ? span : 1) {
                    int[] candidate = new int[bestDraws.length - span];
                    System.arraycopy(bestDraws, 0, candidate, 0, from);
                    System.arraycopy(bestDraws, from + span, candidate, from, bestDraws.length - from - span);
                    attempts++;
                    Choices replay = Choices.replay(candidate);
                    T value = tryGenerate(gen, replay);
                    if (value != null && simpler(replay.recorded(), bestDraws) && failsQuietly(fails, value)) {
                        best = value;
                        bestDraws = replay.recorded();
                        improved = true;
                        from -= span > 2 ? span : 1;
                    }
                }
            }
            // 3. single draws lowered a little: halved, less one
            for (int i = 0; i < bestDraws.length && attempts < MAX_ATTEMPTS; i++) {
                for (int smaller : new int[] {bestDraws[i] / 2, bestDraws[i] - 1}) {
                    if (i >= bestDraws.length || smaller <= 0 || smaller >= bestDraws[i]) continue;
                    int[] candidate = bestDraws.clone();
                    candidate[i] = smaller;
                    attempts++;
                    Choices replay = Choices.replay(candidate);
                    T value = tryGenerate(gen, replay);
                    if (value != null && simpler(replay.recorded(), bestDraws) && failsQuietly(fails, value)) {
                        best = value;
                        bestDraws = replay.recorded();
                        improved = true;
                        break;
                    }
                }
            }
        }
        return new Shrunk<>(best, bestDraws, attempts);
    }

    /** @return whether draws are simpler than others: fewer, or as many and smaller at the first difference */
    private static boolean simpler(int[] draws, int[] than) {
        if (draws.length != than.length) return draws.length < than.length;
        return Arrays.compare(draws, than) < 0;
    }

    private static <T> T tryGenerate(Gen<T> gen, Choices choices) {
        try {
            return gen.generate(choices);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a generator that cannot make a value from these draws: not a candidate
            return null;
        }
    }

    private static <T> boolean failsQuietly(Predicate<? super T> fails, T value) {
        try {
            return fails.test(value);
        } catch (AssertionError | RuntimeException e) {
            return true;
        }
    }
}
