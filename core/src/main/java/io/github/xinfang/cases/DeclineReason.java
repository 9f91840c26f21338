package io.github.xinfang.cases;

/**
 * Why a petition is declined (不予受理). Immutable.
 *
 * @since 0.1
 */
public enum DeclineReason {
    /** The same facts and reasons after re-review (Art. 36(3)). */
    SAME_FACTS_AFTER_RE_REVIEW,
    /** Already accepted or being handled below within its time limit (Art. 19(3)). */
    PENDING_BELOW,
    /** Not a petition matter. */
    NOT_A_PETITION_MATTER,
    /** Another reason, given in the case's free text. */
    OTHER
}
