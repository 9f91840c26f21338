package io.github.xinfang.cases;

/**
 * Why a package leader was replaced. Immutable.
 *
 * @since 0.2
 */
public enum ReplacementReason {
    /** 新官理旧账: the leader left the post; the successor inherits the case. */
    POST_CHANGE,
    /** 提级包案: the required rank rose above the leader's. */
    ESCALATION,
    /** Any other reason. */
    OTHER
}
