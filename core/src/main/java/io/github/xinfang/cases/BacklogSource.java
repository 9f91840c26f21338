package io.github.xinfang.cases;

/**
 * Where a backlog case (积案) came from. Immutable.
 *
 * @since 0.2
 */
public enum BacklogSource {
    /** The office's own sweep (自行排查). */
    OWN_SWEEP,
    /** A batch handed down by a higher level (上级交办). */
    BATCH
}
