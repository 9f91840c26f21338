package io.github.xinfang.cases;

import io.github.xinfang.text.TextRule;

/**
 * The least rank a package leader must hold (a name on the portal's {@link RankLadder}) and whether the
 * leader must be a principal leader (主要领导, 党政一把手). "County principal" is
 * {@code new RequiredRank("县处级正职", true)}. Immutable.
 *
 * @param rank a rank name of the ladder
 * @param principal whether a principal leader is required
 * @since 0.2
 */
public record RequiredRank(String rank, boolean principal) {
    /**
     * @throws NullPointerException if rank is null
     * @throws IllegalArgumentException if rank breaks {@link io.github.xinfang.text.TextRule#LINE} (at most 200)
     */
    public RequiredRank {
        TextRule.LINE.require(rank, "rank", 200);
    }
}
