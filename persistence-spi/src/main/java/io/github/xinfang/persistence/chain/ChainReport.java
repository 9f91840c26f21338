package io.github.xinfang.persistence.chain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a verification walked and the first break it found. A verification stops at its first break. Immutable.
 *
 * @param cases the cases walked
 * @param events the events walked
 * @param firstBreak the first break, in case id then sequence order, or empty if the history is intact
 * @since 0.7
 */
public record ChainReport(long cases, long events, Optional<ChainBreak> firstBreak) {
    /**
     * Checks the arguments.
     *
     * @throws NullPointerException if firstBreak is null
     * @throws IllegalArgumentException if a count is negative
     */
    public ChainReport {
        Objects.requireNonNull(firstBreak, "firstBreak");
        if (cases < 0 || events < 0) throw new IllegalArgumentException("cases and events must not be negative");
    }

    /** @return true if nothing was found broken */
    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
