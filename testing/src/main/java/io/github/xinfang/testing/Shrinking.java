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
        Search<T> search = new Search<>(gen, fails, failingDraws);
        boolean improved = true;
        while (improved && search.attempts < MAX_ATTEMPTS) {
            improved = false;
            // 1. each draw to 0, earliest first: fewer cases, the first target, the shortest path
            for (int i = 0; i < search.draws.length && search.attempts < MAX_ATTEMPTS; i++) {
                if (search.draws[i] == 0) continue;
                int[] candidate = search.draws.clone();
                candidate[i] = 0;
                improved |= search.tryDraws(candidate);
            }
            // 2. spans of draws deleted, halving the span: fewer steps, shorter lists
            for (int span = Integer.highestOneBit(Math.max(1, search.draws.length / 2)); span >= 1 && search.attempts < MAX_ATTEMPTS; span /= 2) {
                int step = span > 2 ? span : 1;
                for (int from = 0; from + span <= search.draws.length && search.attempts < MAX_ATTEMPTS; from += step) {
                    int[] candidate = new int[search.draws.length - span];
                    System.arraycopy(search.draws, 0, candidate, 0, from);
                    System.arraycopy(search.draws, from + span, candidate, from, search.draws.length - from - span);
                    if (search.tryDraws(candidate)) {
                        improved = true;
                        from -= step;
                    }
                }
            }
            // 3. single draws lowered a little: halved, less one
            for (int i = 0; i < search.draws.length && search.attempts < MAX_ATTEMPTS; i++) {
                for (int smaller : new int[] {search.draws[i] / 2, search.draws[i] - 1}) {
                    if (i >= search.draws.length || smaller <= 0 || smaller >= search.draws[i]) continue;
                    int[] candidate = search.draws.clone();
                    candidate[i] = smaller;
                    if (search.tryDraws(candidate)) {
                        improved = true;
                        break;
                    }
                }
            }
        }
        return new Shrunk<>(search.best, search.draws, search.attempts);
    }

    /** The simplest failing value found so far, its draws, and the candidates tried. */
    private static final class Search<T> {
        private final Gen<T> gen;
        private final Predicate<? super T> fails;
        T best;
        int[] draws;
        int attempts;

        Search(Gen<T> gen, Predicate<? super T> fails, int[] failingDraws) {
            this.gen = gen;
            this.fails = fails;
            Choices first = Choices.replay(failingDraws);
            this.best = gen.generate(first);
            this.draws = first.recorded();
        }

        /** @return whether the candidate draws make a simpler value that still fails (then it is the best) */
        boolean tryDraws(int[] candidate) {
            attempts++;
            Choices replay = Choices.replay(candidate);
            T value = tryGenerate(gen, replay);
            if (value == null || !simpler(replay.recorded(), draws) || !failsQuietly(fails, value)) return false;
            best = value;
            draws = replay.recorded();
            return true;
        }
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
