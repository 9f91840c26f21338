package io.github.xinfang.testing;

import org.quicktheories.impl.Constraint;

import java.util.Objects;

/**
 * Adapts a {@link Gen} to QuickTheories: the draws come from QuickTheories' own source of randomness, whose shrinking
 * (towards the smallest draw) then shrinks the value the way {@link Shrinking} does. Needs QuickTheories on the test
 * classpath (this module declares it optional). Stateless.
 *
 * <pre>{@code
 * qt().forAll(QuickTheoriesGen.of(Journeys.toStage(org, id, Stage.CONCLUDED)))
 *     .checkAssert(journey -> ...);
 * }</pre>
 *
 * A portal on another library wraps a generator the same way: hand its source's bounded draws to
 * {@link Choices#from(java.util.function.IntUnaryOperator)}.
 *
 * @since 0.4
 */
public final class QuickTheoriesGen {
    private QuickTheoriesGen() {}

    /**
     * @param gen the generator
     * @param <T> its type
     * @return the same generator for QuickTheories
     */
    public static <T> org.quicktheories.core.Gen<T> of(Gen<T> gen) {
        Objects.requireNonNull(gen, "gen");
        return in -> gen.generate(Choices.from(bound -> (int) in.next(Constraint.between(0, bound - 1))));
    }
}
