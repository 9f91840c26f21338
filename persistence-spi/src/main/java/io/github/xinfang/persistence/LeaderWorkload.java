package io.github.xinfang.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * A package leader's workload (包案工作量) as of an instant: the cases the leader actively holds and how many of
 * them are overdue (rule R4 of {@link ResolutionQuery}). Immutable.
 *
 * @param leader the package leader's official id
 * @param asOf the instant the overdue cases are counted at
 * @param activeCases the cases whose active package leader is {@code leader}
 * @param overdueCases those of them whose earliest due instant is at or before {@code asOf}
 * @since 0.1
 */
public record LeaderWorkload(String leader, Instant asOf, long activeCases, long overdueCases) {

    /**
     * @throws NullPointerException naming a null leader or asOf
     * @throws IllegalArgumentException if a count is negative or more cases are overdue than active
     */
    public LeaderWorkload {
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(asOf, "asOf");
        if (activeCases < 0) throw new IllegalArgumentException("activeCases must not be negative");
        if (overdueCases < 0) throw new IllegalArgumentException("overdueCases must not be negative");
        if (overdueCases > activeCases) throw new IllegalArgumentException("overdueCases must not exceed activeCases");
    }
}
